// Placeholder until its owner replaces it (see tlsengine.h).
#include "core/tls/tlsengine.h"
