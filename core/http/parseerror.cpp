#include "core/http/parseerror.h"

namespace sockwb::http {

ParseError ParseError::make(ErrorCode code, std::string message) {
    return ParseError{code, statusFor(code), std::move(message)};
}

int ParseError::statusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::None:
            return 0;
        case ErrorCode::HeaderTooLarge:
        case ErrorCode::TooManyHeaders:
            return 431;
        case ErrorCode::BodyTooLarge:
            return 413;
        case ErrorCode::UnsupportedVersion:
            return 505;
        case ErrorCode::UnsupportedTransferEncoding:
            return 501;
        default:
            return 400;
    }
}

std::string_view ParseError::codeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::None:
            return "None";
        case ErrorCode::BadStatusLine:
            return "BadStatusLine";
        case ErrorCode::BadRequestLine:
            return "BadRequestLine";
        case ErrorCode::BadMethod:
            return "BadMethod";
        case ErrorCode::BadTarget:
            return "BadTarget";
        case ErrorCode::BadVersion:
            return "BadVersion";
        case ErrorCode::UnsupportedVersion:
            return "UnsupportedVersion";
        case ErrorCode::BadHeader:
            return "BadHeader";
        case ErrorCode::HeaderTooLarge:
            return "HeaderTooLarge";
        case ErrorCode::TooManyHeaders:
            return "TooManyHeaders";
        case ErrorCode::MissingHost:
            return "MissingHost";
        case ErrorCode::DuplicateHost:
            return "DuplicateHost";
        case ErrorCode::BadContentLength:
            return "BadContentLength";
        case ErrorCode::ConflictingContentLength:
            return "ConflictingContentLength";
        case ErrorCode::ConflictingFraming:
            return "ConflictingFraming";
        case ErrorCode::UnsupportedTransferEncoding:
            return "UnsupportedTransferEncoding";
        case ErrorCode::BadTransferEncoding:
            return "BadTransferEncoding";
        case ErrorCode::BadChunkSize:
            return "BadChunkSize";
        case ErrorCode::BadChunkData:
            return "BadChunkData";
        case ErrorCode::BadChunkExtension:
            return "BadChunkExtension";
        case ErrorCode::BareLf:
            return "BareLf";
        case ErrorCode::BadTrailer:
            return "BadTrailer";
        case ErrorCode::BodyTooLarge:
            return "BodyTooLarge";
        case ErrorCode::TruncatedHeaders:
            return "TruncatedHeaders";
        case ErrorCode::TruncatedBody:
            return "TruncatedBody";
    }
    return "Unknown";
}

}  // namespace sockwb::http
