#pragma once
// AddressText: an AddressDissection (core/net/addressdissect.h) worded for
// people, translated: what each sockaddr field's bytes mean (htons made
// visible), what inet_pton said, how getaddrinfo failed. Shared by the
// Addresses window and `sockwb addr` (app/cli/addrcommand.cpp), so both say
// the same thing in the same language. Thread-safe (pure functions).

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/net/addressdissect.h"

namespace sockwb {

class AddressText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::AddressText)
public:
    // The table's column titles: offset, field, bytes, value.
    static QStringList columns();
    // What a field's bytes mean: "8080 = htons(8080), network order; read
    // without ntohs here: 36895".
    static QString fieldValue(const SockaddrField& field);
    // "struct sockaddr_in, sizeof = 16".
    static QString layoutTitle(const SockaddrLayout& layout);
    // inet_pton's two answers and what they mean, one line each.
    static QStringList ptonLines(const AddressDissection& d);
    // The getaddrinfo line: "getaddrinfo("localhost", "80") = 0: 2 results"
    // or the failure worded with its code name (EAI_NONAME); "" when
    // getaddrinfo was not called.
    static QString resolverLine(const AddressDissection& d);
    // "#1 AF_INET SOCK_STREAM IPPROTO_TCP, canonname "localhost"".
    static QString entryTitle(const AddrInfoEntry& entry, int number);
};

}  // namespace sockwb
