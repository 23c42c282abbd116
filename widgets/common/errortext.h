#pragma once
// ErrorText: a core ErrorInfo worded for the GUI, translated, in plain
// words followed by the call and the errno name, e.g. "The address
// 127.0.0.1:8080 is already in use: ... (bind: EADDRINUSE)". Panels show it
// inline instead of a modal box. The sentences say what core/net/error.cpp
// explain() says (in English only) but are built here from the codes (kind,
// call, errno, getaddrinfo code, address, detail code and its numbers) so
// they go through tr(). Only free text of the core (ErrorInfo::detail when
// its code is Words, InvalidInput and Unsupported sentences) stays English.

#include <QCoreApplication>
#include <QString>
#include <exception>

#include "core/net/error.h"

namespace sockwb {

class ErrorText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::ErrorText)
public:
    // The sentence for an error. Thread-safe.
    static QString sentence(const ErrorInfo& info);
    // The same for an exception thrown by the core. Thread-safe.
    static QString sentence(const Error& error) { return sentence(error.info()); }
    // The detail of an error worded from its code and numbers ("gave up
    // after 3000 ms", "got 2 of 4 bytes"...); a Words detail as the core
    // wrote it. Thread-safe.
    static QString detail(const ErrorInfo& info);
    // What a background task threw (TaskResult::error): an Error worded as
    // sentence() does; anything else is its what() text, put into `other`
    // ("The server could not start: %1") when one is given. Thread-safe.
    static QString ofTask(const std::exception_ptr& error, const QString& other = QString());

private:
    // Words for a failed syscall (System, Timeout); empty when unknown.
    static QString systemWords(const ErrorInfo& info);
    // Words for a failed syscall on a Unix-domain address ("unix:/tmp/x.sock":
    // a path, no host or port); empty when the general words fit.
    static QString unixWords(const ErrorInfo& info);
    // Words for the other kinds; empty when the core's text must be kept.
    static QString otherWords(const ErrorInfo& info);
    // ErrorKind::Tls: each TlsProblem in words, with OpenSSL's reason.
    static QString tlsWords(const ErrorInfo& info);
};

}  // namespace sockwb
