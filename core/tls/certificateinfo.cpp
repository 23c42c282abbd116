// Placeholder until its owner replaces it (see certificateinfo.h).
#include "core/tls/certificateinfo.h"
