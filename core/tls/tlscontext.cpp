// Placeholder until its owner replaces it (see tlscontext.h).
#include "core/tls/tlscontext.h"
