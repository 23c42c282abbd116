#include "core/server/threadname.h"

#include <pthread.h>

namespace sockwb {

namespace {
constexpr size_t kCommMax = 15;  // TASK_COMM_LEN - 1
}

std::string serverThreadName(std::string_view role) {
    std::string name(kServerThreadPrefix);
    if (name.size() + role.size() <= kCommMax) return name.append(role);
    // Keep the trailing number ("loop 12"): two threads of one role differ there.
    size_t digits = role.size();
    while (digits > 0 && role[digits - 1] >= '0' && role[digits - 1] <= '9') --digits;
    std::string_view number = role.substr(digits);
    if (number.size() + 1 > kCommMax - name.size()) {  // no room for it: cut as text
        number = {};
        digits = role.size();
    }
    const size_t room = kCommMax - name.size() - (number.empty() ? 0 : number.size() + 1);
    std::string_view head = role.substr(0, std::min(room, digits));
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    name.append(head);
    if (!number.empty()) name.append(1, ' ').append(number);
    return name;
}

void nameThisServerThread(std::string_view role) {
    // Only ERANGE is possible, and the name is always short enough.
    (void)::pthread_setname_np(::pthread_self(), serverThreadName(role).c_str());
}

}  // namespace sockwb
