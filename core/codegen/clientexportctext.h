#pragma once
// The text of the C client program (clientexportctext.cpp): the header
// comment with its @KEY@ places, and the helper functions, each written
// only when the script needs it (cc -Wall -Werror refuses an unused static
// function). Internal to core/codegen; constants, thread-safe.

namespace sockwb::codegen::detail::ctext {

extern const char* const kHeader;           // comment, includes, defines, globals
extern const char* const kPause;            // pause_ms(): nanosleep
extern const char* const kElapsed;          // elapsed_ms(), wait_readable(): poll
extern const char* const kSendAllStream;    // send_all(): the partial sends looped
extern const char* const kSendStreamRaw;    // send_message(): as it is
extern const char* const kSendDgramRaw;     // send_message(): one sendto()
extern const char* const kReceive;          // receive_some(): recv/recvfrom, printed, held
extern const char* const kExpect;           // expect_text()
extern const char* const kExpectClosed;     // its "the server closed first" (streams)
extern const char* const kExpectClose;      // expect_close()
extern const char* const kReadToEndStream;  // read_until_close(): until recv() returns 0
extern const char* const kReadToEndDgram;   // read_until_close(): until "Au Revoir" or silence

}  // namespace sockwb::codegen::detail::ctext
