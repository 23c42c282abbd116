#include "core/http/preparedrequest.h"

#include <utility>

namespace sockwb::http {

PreparedRequest PreparedRequest::make(Request request, Url url, ClientOptions options) {
    PreparedRequest p{std::move(request), std::move(url), std::move(options), {}};
    p.wire = p.request.serialize();
    return p;
}

}  // namespace sockwb::http
