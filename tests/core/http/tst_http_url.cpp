// Url parsing, percent-encoding and query strings.

#include <QtTest/QtTest>

#include "core/http/percentencoding.h"
#include "core/http/url.h"
#include "support/testmain.h"

using namespace sockwb::http;

class tst_HttpUrl : public QObject {
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void userInfo();
    void percent_data();
    void percent();
    void badEscapes();
    void query();
};

void tst_HttpUrl::valid_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("toString");
    QTest::newRow("plain") << "http://example.com"
                           << "example.com" << 80 << "example.com"
                           << "/"
                           << "http://example.com/";
    QTest::newRow("port_path_query_frag") << "http://Example.COM:8080/a/b?x=1&y=2#top"
                                          << "example.com" << 8080 << "example.com:8080"
                                          << "/a/b?x=1&y=2"
                                          << "http://example.com:8080/a/b?x=1&y=2";
    QTest::newRow("explicit_80") << "HTTP://h:80/x"
                                 << "h" << 80 << "h"
                                 << "/x"
                                 << "http://h/x";
    QTest::newRow("no_scheme") << "localhost:8080/p"
                               << "localhost" << 8080 << "localhost:8080"
                               << "/p"
                               << "http://localhost:8080/p";
    QTest::newRow("ipv6_port") << "http://[::1]:8080/x"
                               << "::1" << 8080 << "[::1]:8080"
                               << "/x"
                               << "http://[::1]:8080/x";
    QTest::newRow("ipv6_default") << "http://[2001:DB8::1]/"
                                  << "2001:db8::1" << 80 << "[2001:db8::1]"
                                  << "/"
                                  << "http://[2001:db8::1]/";
    // RFC 6874: the zone id is written %25 in a URL, kept for connecting,
    // never sent in Host (§4).
    QTest::newRow("ipv6_zone_rfc6874") << "http://[FE80::1%25eth0]:8080/x"
                                       << "fe80::1%eth0" << 8080 << "[fe80::1]:8080"
                                       << "/x"
                                       << "http://[fe80::1%25eth0]:8080/x";
    QTest::newRow("ipv6_zone_bare") << "http://[::1%lo]/"
                                    << "::1%lo" << 80 << "[::1]"
                                    << "/"
                                    << "http://[::1%25lo]/";
    QTest::newRow("ipv6_zone_index") << "http://[fe80::1%252]:81"
                                     << "fe80::1%2" << 81 << "[fe80::1]:81"
                                     << "/"
                                     << "http://[fe80::1%252]:81/";
    QTest::newRow("ipv4") << "http://127.0.0.1:9/"
                          << "127.0.0.1" << 9 << "127.0.0.1:9"
                          << "/"
                          << "http://127.0.0.1:9/";
    QTest::newRow("query_only") << "http://h?q=1"
                                << "h" << 80 << "h"
                                << "/?q=1"
                                << "http://h/?q=1";
    QTest::newRow("empty_port") << "http://h:/"
                                << "h" << 80 << "h"
                                << "/"
                                << "http://h/";
    QTest::newRow("space_encoded") << "http://h/a b?c d"
                                   << "h" << 80 << "h"
                                   << "/a%20b?c%20d"
                                   << "http://h/a%20b?c%20d";
    QTest::newRow("escape_kept") << "http://h/%41%zz"
                                 << "h" << 80 << "h"
                                 << "/%41%25zz"
                                 << "http://h/%41%25zz";
    QTest::newRow("trimmed") << "  http://h/x \n"
                             << "h" << 80 << "h"
                             << "/x"
                             << "http://h/x";
    QTest::newRow("max_port") << "http://h:65535"
                              << "h" << 65535 << "h:65535"
                              << "/"
                              << "http://h:65535/";
    // https: port 443 by default, left out of Host when it is the default.
    QTest::newRow("https") << "https://Example.com/x"
                           << "example.com" << 443 << "example.com"
                           << "/x"
                           << "https://example.com/x";
    QTest::newRow("HTTPS_443") << "HTTPS://h:443"
                               << "h" << 443 << "h"
                               << "/"
                               << "https://h/";
    QTest::newRow("https_80") << "https://h:80/"
                              << "h" << 80 << "h:80"
                              << "/"
                              << "https://h:80/";
    QTest::newRow("https_v6") << "https://[::1]:8443/"
                              << "::1" << 8443 << "[::1]:8443"
                              << "/"
                              << "https://[::1]:8443/";
}

void tst_HttpUrl::valid() {
    QFETCH(QString, input);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, authority);
    QFETCH(QString, target);
    QFETCH(QString, toString);
    UrlError err;
    const auto url = Url::parse(input.toStdString(), &err);
    QVERIFY2(url.has_value(), err.message.c_str());
    QCOMPARE(err.code, UrlError::Code::None);
    QCOMPARE(QString::fromStdString(url->host()), host);
    QCOMPARE(int(url->port()), port);
    QCOMPARE(QString::fromStdString(url->authority()), authority);
    QCOMPARE(QString::fromStdString(url->target()), target);
    QCOMPARE(QString::fromStdString(url->toString()), toString);
    QCOMPARE(QString::fromStdString(url->scheme()),
             toString.startsWith("https:") ? QString("https") : QString("http"));
    QCOMPARE(url->isHttps(), toString.startsWith("https:"));
}

void tst_HttpUrl::invalid_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("messagePart");
    using C = UrlError::Code;
    QTest::newRow("empty") << "   " << int(C::Empty) << "empty";
    QTest::newRow("ftp") << "ftp://example.com/" << int(C::UnsupportedScheme) << "\"ftp\"";
    QTest::newRow("wss") << "wss://example.com/" << int(C::UnsupportedScheme) << "https://";
    QTest::newRow("empty_host") << "http:///path" << int(C::EmptyHost) << "no host";
    QTest::newRow("only_port") << "http://:8080/" << int(C::EmptyHost) << "no host";
    QTest::newRow("port_letters") << "http://h:80a/" << int(C::BadPort) << "not a number";
    QTest::newRow("port_big") << "http://h:65536/" << int(C::BadPort) << "out of range";
    QTest::newRow("port_huge") << "http://h:99999999999999999999/" << int(C::BadPort)
                               << "out of range";
    QTest::newRow("port_zero") << "http://h:0/" << int(C::BadPort) << "port 0";
    QTest::newRow("port_negative") << "http://h:-1/" << int(C::BadPort) << "not a number";
    QTest::newRow("v6_unclosed") << "http://[::1:80/" << int(C::BadHost) << "']'";
    QTest::newRow("v6_invalid") << "http://[::g]/" << int(C::BadHost) << "IPv6";
    QTest::newRow("v6_zone_empty") << "http://[fe80::1%25]/" << int(C::BadHost) << "zone id";
    QTest::newRow("v6_zone_bad_char") << "http://[fe80::1%25e$h]/" << int(C::BadHost) << "zone id";
    QTest::newRow("v6_zone_on_bad_address")
        << "http://[fe80::g%25lo]/" << int(C::BadHost) << "not a valid IPv6";
    QTest::newRow("v6_unbracketed") << "http://::1/" << int(C::BadHost) << "brackets";
    QTest::newRow("host_space") << "http://a b/" << int(C::BadHost) << "invalid character";
    QTest::newRow("bad_userinfo") << "http://u%zz@h/" << int(C::BadUserInfo) << "escape";
}

void tst_HttpUrl::invalid() {
    QFETCH(QString, input);
    QFETCH(int, code);
    QFETCH(QString, messagePart);
    UrlError err;
    QVERIFY(!Url::parse(input.toStdString(), &err).has_value());
    QCOMPARE(int(err.code), code);
    QVERIFY2(QString::fromStdString(err.message).contains(messagePart), err.message.c_str());
    QVERIFY(!Url::parse(input.toStdString()).has_value());  // error pointer is optional
}

void tst_HttpUrl::userInfo() {
    const auto url = Url::parse("http://al%20ice:p%40ss:word@Host:81/x");
    QVERIFY(url);
    QVERIFY(url->hasUserInfo());
    QCOMPARE(QString::fromStdString(url->user()), QString("al ice"));
    QCOMPARE(QString::fromStdString(url->password()), QString("p@ss:word"));
    QCOMPARE(QString::fromStdString(url->host()), QString("host"));
    QCOMPARE(QString::fromStdString(url->toString()),
             QString("http://host:81/x"));  // credentials never printed
    const auto noInfo = Url::parse("http://h/");
    QVERIFY(!noInfo->hasUserInfo());
}

void tst_HttpUrl::percent_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("unreserved") << QByteArray("AZaz09-._~") << QByteArray("AZaz09-._~");
    QTest::newRow("space") << QByteArray("a b") << QByteArray("a%20b");
    QTest::newRow("reserved") << QByteArray("a/b?c=d&e") << QByteArray("a%2Fb%3Fc%3Dd%26e");
    QTest::newRow("utf8") << QByteArray("\xc3\xa9") << QByteArray("%C3%A9");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray("a%00b");
    QTest::newRow("percent") << QByteArray("100%") << QByteArray("100%25");
}

void tst_HttpUrl::percent() {
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, encoded);
    const std::string e = percent::encode(std::string_view(raw.constData(), size_t(raw.size())));
    QCOMPARE(QByteArray::fromStdString(e), encoded);
    const auto d = percent::decode(e);
    QVERIFY(d);
    QCOMPARE(QByteArray::fromStdString(*d), raw);
    QCOMPARE(QByteArray::fromStdString(percent::encode("a/b c", "/")), QByteArray("a/b%20c"));
}

void tst_HttpUrl::badEscapes() {
    QVERIFY(!percent::decode("%"));
    QVERIFY(!percent::decode("%4"));
    QVERIFY(!percent::decode("%G0"));
    QCOMPARE(QByteArray::fromStdString(*percent::decode("a+b")), QByteArray("a+b"));
    QCOMPARE(QByteArray::fromStdString(*percent::decode("a+b", true)), QByteArray("a b"));
    QCOMPARE(QByteArray::fromStdString(*percent::decode("%4a%4A")), QByteArray("JJ"));
}

void tst_HttpUrl::query() {
    const auto items = percent::splitQuery("?a=1&b=x%20y+z&flag&&=empty&c=%zz");
    QCOMPARE(items.size(), std::size_t(5));
    QCOMPARE(QByteArray::fromStdString(items[0].first), QByteArray("a"));
    QCOMPARE(QByteArray::fromStdString(items[0].second), QByteArray("1"));
    QCOMPARE(QByteArray::fromStdString(items[1].second), QByteArray("x y z"));
    QCOMPARE(QByteArray::fromStdString(items[2].first), QByteArray("flag"));
    QCOMPARE(QByteArray::fromStdString(items[2].second), QByteArray(""));
    QCOMPARE(QByteArray::fromStdString(items[3].first), QByteArray(""));
    QCOMPARE(QByteArray::fromStdString(items[4].second), QByteArray("%zz"));
    const std::string joined = percent::joinQuery({{"q", "a b&c"}, {"empty", ""}, {"é", "="}});
    QCOMPARE(QByteArray::fromStdString(joined), QByteArray("q=a%20b%26c&empty=&%C3%A9=%3D"));
    const auto back = percent::splitQuery(joined);
    QCOMPARE(back.size(), std::size_t(3));
    QCOMPARE(QByteArray::fromStdString(back[0].second), QByteArray("a b&c"));
    QCOMPARE(QByteArray::fromStdString(back[2].first), QByteArray("é"));
    auto url = Url::parse("http://h/p?old=1");
    url->setQuery(joined);
    QCOMPARE(QByteArray::fromStdString(url->target()),
             QByteArray("/p?q=a%20b%26c&empty=&%C3%A9=%3D"));
}

SOCKWB_TEST_APPLESS_MAIN(tst_HttpUrl)
#include "tst_http_url.moc"
