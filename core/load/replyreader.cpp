#include "core/load/replyreader.h"

#include "core/http/responseparser.h"

namespace sockwb::load {

ReplyReader::ReplyReader(Workload workload, std::size_t expected, bool fullParser)
    : workload_(workload), expected_(expected) {
    if (fullParser && workload == Workload::Http) {
        parser_ = std::make_unique<http::ResponseParser>();
        parser_->setStatusOnly(true);
    }
}

ReplyReader::~ReplyReader() = default;
ReplyReader::ReplyReader(ReplyReader&&) noexcept = default;
ReplyReader& ReplyReader::operator=(ReplyReader&&) noexcept = default;

ReplyReader::Result ReplyReader::fail(std::string why) {
    error_ = std::move(why);
    return Result::Error;
}

void ReplyReader::reset() {
    got_ = 0;
    status_ = 0;
    keepAlive_ = true;
    error_.clear();
    scanner_.reset();
    if (parser_) parser_->clear();
}

ReplyReader::Result ReplyReader::feed(std::string_view data) {
    switch (workload_) {
        case Workload::Http: {
            std::size_t used = 0;
            if (parser_) {
                const auto s = parser_->feed(data);
                if (s == http::ResponseParser::Status::NeedMore) return Result::NeedMore;
                if (s == http::ResponseParser::Status::Error)
                    return fail("response: " + parser_->error().message);
                used = parser_->lastFeedConsumed();
                status_ = parser_->response().status;
                keepAlive_ = parser_->keepAlive();
            } else {
                const auto s = scanner_.feed(data, &used);
                if (s == ResponseScanner::Status::NeedMore) return Result::NeedMore;
                if (s == ResponseScanner::Status::Error)
                    return fail("response: " + scanner_.error());
                status_ = scanner_.statusCode();
                keepAlive_ = scanner_.keepAlive();
            }
            if (used != data.size()) return fail("bytes after the end of the response");
            return Result::Complete;
        }
        case Workload::TcpEcho:
            got_ += data.size();
            if (got_ < expected_) return Result::NeedMore;
            if (got_ > expected_) return fail("the echo sent back more bytes than were sent");
            status_ = 200;
            return Result::Complete;
        case Workload::UdpEcho:
            if (data.size() != expected_) return fail("the echoed datagram has another size");
            status_ = 200;
            return Result::Complete;
        case Workload::Bulk:
            return Result::NeedMore;  // a discard server says nothing; ignore it if it does
    }
    return Result::NeedMore;
}

ReplyReader::Result ReplyReader::onEof() {
    if (workload_ != Workload::Http) return fail("the server closed the connection");
    if (parser_) {
        if (parser_->onEof() == http::ResponseParser::Status::Complete) {
            status_ = parser_->response().status;
            keepAlive_ = false;
            return Result::Complete;
        }
        return fail(parser_->error().message);
    }
    if (scanner_.onEof() == ResponseScanner::Status::Complete) {
        status_ = scanner_.statusCode();
        keepAlive_ = false;
        return Result::Complete;
    }
    return fail(scanner_.error());
}

}  // namespace sockwb::load
