// Placeholder until its owner replaces it (see selfsigned.h).
#include "core/tls/selfsigned.h"
