// Placeholder until its owner replaces it (see tlsservice.h).
#include "core/tls/tlsservice.h"
