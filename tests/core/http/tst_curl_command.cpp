// curl import/export: a table of curl commands. Each is imported, exported
// and imported again (same command, same request), and the request we build
// is compared byte for byte with what the real curl sends to a capturing
// loopback server (User-Agent and Accept-Encoding aside: curl names itself
// and offers br/zstd, which we cannot decode).

#include <QProcess>
#include <QtTest>
#include <thread>

#include "core/http/curlcommand.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::http;

namespace {

// Accepts one connection, reads one request (head + Content-Length body),
// answers 200 and closes. Returns the raw request bytes.
std::string captureOne(Socket& listener) {
    auto a = listener.accept();
    std::string buf;
    size_t end;
    while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
        if (!a.socket.recvSome(buf, 4096, Millis(5000)).ok()) return buf;
    }
    size_t length = 0;
    std::string lower = buf.substr(0, end);
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto cl = lower.find("\r\ncontent-length:");
    if (cl != std::string::npos) length = std::stoul(lower.substr(cl + 17));
    while (buf.size() < end + 4 + length)
        if (!a.socket.recvSome(buf, 4096, Millis(5000)).ok()) break;
    a.socket.sendAll("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    return buf;
}

// Drops the header lines whose value legitimately differs between curl and us.
std::string normalise(std::string raw) {
    std::string out;
    size_t pos = 0;
    const size_t headEnd = raw.find("\r\n\r\n");
    while (pos < headEnd) {
        size_t eol = raw.find("\r\n", pos);
        std::string line = raw.substr(pos, eol - pos);
        std::string lower = line;
        for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower.rfind("user-agent:", 0) == 0) line = "User-Agent: *";
        if (lower.rfind("accept-encoding:", 0) == 0) line = "Accept-Encoding: *";
        out += line + "\r\n";
        pos = eol + 2;
    }
    return out + raw.substr(headEnd);
}

}  // namespace

class tst_CurlCommand : public QObject {
    Q_OBJECT
private slots:
    void shellWords_data();
    void shellWords();
    void roundTrip_data();
    void roundTrip();
    void errors_data();
    void errors();
    void exportFromComposedRequest();
    void compactedFlags();
    void applyOneOption();
    void tlsOptions();
    void tlsOptionsExported();
    void badResolve();
};

void tst_CurlCommand::shellWords_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << "curl http://a/" << QStringList{"curl", "http://a/"};
    QTest::newRow("single") << "curl -H 'X: a b'" << QStringList{"curl", "-H", "X: a b"};
    QTest::newRow("double") << "curl -d \"a \\\"q\\\" $x\""
                            << QStringList{"curl", "-d", "a \"q\" $x"};
    QTest::newRow("escaped quote") << "curl -d 'it'\\''s'" << QStringList{"curl", "-d", "it's"};
    QTest::newRow("continuation") << "curl \\\n  -I \\\n  http://a/"
                                  << QStringList{"curl", "-I", "http://a/"};
    QTest::newRow("ansi-c") << "curl -d $'a\\nb'" << QStringList{"curl", "-d", "a\nb"};
}

void tst_CurlCommand::shellWords() {
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QStringList got;
    for (const auto& w : splitShellWords(line.toStdString())) got << QString::fromStdString(w);
    QCOMPARE(got, words);
}

void tst_CurlCommand::roundTrip_data() {
    QTest::addColumn<QString>("command");  // %URL% is replaced by the capture server's URL
    QTest::newRow("get") << "curl %URL%/plain";
    QTest::newRow("get query") << "curl '%URL%/search?q=socket&lang=fr'";
    QTest::newRow("-X DELETE") << "curl -X DELETE %URL%/items/3";
    QTest::newRow("--request PUT with data") << "curl --request PUT -d 'x=1' %URL%/items/3";
    QTest::newRow("-H one") << "curl -H 'X-Course: reseaux' %URL%/h";
    QTest::newRow("-H several")
        << "curl -H 'X-A: 1' --header 'X-B: two words' -H 'X-A: again' %URL%/h";
    QTest::newRow("-H removes Accept") << "curl -H 'Accept:' %URL%/noaccept";
    QTest::newRow("-H empty value") << "curl -H 'X-Empty;' %URL%/empty";
    QTest::newRow("-H replaces Host") << "curl -H 'Host: example.test' %URL%/host";
    QTest::newRow("-d") << "curl -d 'name=Karim' %URL%/form";
    QTest::newRow("-d twice") << "curl -d a=1 -d b=2 %URL%/form";
    QTest::newRow("--data-raw @") << "curl --data-raw '@not-a-file' %URL%/raw";
    QTest::newRow("--data-binary") << "curl --data-binary 'bin=1' %URL%/bin";
    QTest::newRow("json")
        << "curl -H 'Content-Type: application/json' -d '{\"a\": [1, 2]}' %URL%/json";
    QTest::newRow("--url") << "curl --url %URL%/viaurl";
    QTest::newRow("-I") << "curl -I %URL%/head";
    QTest::newRow("-A") << "curl -A 'MyAgent/1.0' %URL%/agent";
    QTest::newRow("-e") << "curl -e 'http://referer.test/page' %URL%/ref";
    QTest::newRow("-u") << "curl -u 'bob:s3cret' %URL%/auth";
    QTest::newRow("--compressed") << "curl --compressed %URL%/z";
    QTest::newRow("-L") << "curl -L %URL%/follow";
    QTest::newRow("POST json glued")
        << "curl -XPOST -H'Content-Type: text/plain' --data-raw 'hello world' %URL%/glued";
    QTest::newRow("-G") << "curl -G -d q=1 -d r=2 %URL%/get";
    QTest::newRow("quoted continuation") << "curl \\\n -H \"X-Q: \\\"quoted\\\"\" \\\n %URL%/q";
}

void tst_CurlCommand::roundTrip() {
    QFETCH(QString, command);
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(listener.localAddress().port());
    const std::string line = QString(command).replace(QStringLiteral("%URL%"), base).toStdString();

    // import -> export -> import gives the same command and the same request
    CurlCommand first = CurlCommand::parse(line);
    const std::string exported = first.toCommandLine();
    CurlCommand second = CurlCommand::parse(exported);
    QVERIFY2(first == second, exported.c_str());
    const std::string ours = first.toRequest().serialize();
    QCOMPARE(second.toRequest().serialize(), ours);

    // what curl itself sends
    std::string curlRaw;
    std::thread capture([&] { curlRaw = captureOne(listener); });
    QProcess curl;
    QStringList args;
    const auto words = splitShellWords(line);
    for (size_t i = 1; i < words.size(); ++i) args << QString::fromStdString(words[i]);
    args << QStringLiteral("-s") << QStringLiteral("-o") << QStringLiteral("/dev/null")
         << QStringLiteral("--max-redirs") << QStringLiteral("0") << QStringLiteral("-m")
         << QStringLiteral("5");
    curl.start(QStringLiteral("curl"), args);
    if (!curl.waitForStarted()) {
        listener.shutdown(SHUT_RDWR);
        capture.join();
        QSKIP("curl is not installed (scripts/test installs it)");
    }
    QVERIFY(curl.waitForFinished(10000));
    capture.join();
    QCOMPARE(QString::fromStdString(normalise(ours)), QString::fromStdString(normalise(curlRaw)));
}

void tst_CurlCommand::errors_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("words");
    QTest::newRow("not curl") << "wget http://a/"
                              << "not a curl command";
    QTest::newRow("no url") << "curl -H 'X: 1'"
                            << "no URL";
    QTest::newRow("unterminated") << "curl 'http://a/"
                                  << "unterminated";
    QTest::newRow("unknown option") << "curl --proxy x http://a/"
                                    << "--proxy";
    QTest::newRow("missing value") << "curl http://a/ -H"
                                   << "needs a value";
    QTest::newRow("bad header") << "curl -H nocolon http://a/"
                                << "Name: value";
    QTest::newRow("missing file") << "curl -d @/no/such/file http://a/"
                                  << "/no/such/file";
    QTest::newRow("bad --max-redirs") << "curl --max-redirs many http://a/"
                                      << "--max-redirs: 'many' is not a number";
    QTest::newRow("negative --max-redirs") << "curl --max-redirs -2 http://a/"
                                           << "out of range";
    QTest::newRow("bad -m") << "curl -m soon http://a/"
                            << "--max-time";
    QTest::newRow("unknown compacted flag") << "curl -sZ http://a/"
                                            << "-sZ";
    QTest::newRow("value letter inside compacted flags") << "curl -sH http://a/"
                                                         << "-sH";
}

void tst_CurlCommand::errors() {
    QFETCH(QString, command);
    QFETCH(QString, words);
    try {
        CurlCommand c = CurlCommand::parse(command.toStdString());
        c.toRequest();
        QFAIL("accepted");
    } catch (const Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(words), e.what());
    }
}

void tst_CurlCommand::exportFromComposedRequest() {
    auto url = Url::parse("http://127.0.0.1:8080/api?x=1");
    QVERIFY(url);
    Headers h;
    h.add("X-Token", "abc");
    h.add("Content-Type", "application/json");
    ClientOptions o;
    o.followRedirects = true;
    Request r = Client::prepare("PATCH", *url, h, "{\"a\":1}", o);
    CurlCommand c = CurlCommand::fromRequest(r, *url, o);
    const std::string line = c.toCommandLine();
    QVERIFY2(line.find("-X PATCH") != std::string::npos, line.c_str());
    QVERIFY(line.find("-L") != std::string::npos);
    QVERIFY(line.find("'X-Token: abc'") != std::string::npos);
    QVERIFY(line.find("Content-Length") == std::string::npos);
    // And back: the same method, target, custom headers and body.
    Request back = CurlCommand::parse(line).toRequest(o.userAgent);
    QCOMPARE(QString::fromStdString(back.method), QStringLiteral("PATCH"));
    QCOMPARE(QString::fromStdString(back.target), QStringLiteral("/api?x=1"));
    QCOMPARE(back.body, std::string("{\"a\":1}"));
    QCOMPARE(QString::fromStdString(std::string(*back.headers.get("X-Token"))),
             QStringLiteral("abc"));
    QCOMPARE(QString::fromStdString(std::string(*back.headers.get("Content-Type"))),
             QStringLiteral("application/json"));
}

void tst_CurlCommand::compactedFlags() {
    const CurlCommand c = CurlCommand::parse("curl -sSLI -0 -XPUT http://a/");
    QVERIFY(c.location);
    QVERIFY(c.head);
    QVERIFY(c.http10);
    QCOMPARE(QString::fromStdString(c.method), QStringLiteral("PUT"));
    QVERIFY(!c.compressed);
}

// The grammar for a caller that split the words itself (sockwb http): each
// spelling of an option means what it means in a curl command.
void tst_CurlCommand::applyOneOption() {
    CurlCommand c;
    c.apply("-H", "X-A: 1");
    c.apply("--header", "X-B: -2");
    c.apply("-d", "a=1");
    c.apply("--data", "-b");
    c.apply("--location");
    c.apply("--max-redirs", "3");
    c.url = "http://a/p";
    QCOMPARE(c, CurlCommand::parse("curl -H 'X-A: 1' -H 'X-B: -2' -d a=1 -d -b -L --max-redirs 3 "
                                   "http://a/p"));
    QVERIFY(CurlCommand::takesValue("-H"));
    QVERIFY(CurlCommand::takesValue("--max-redirs"));
    QVERIFY(!CurlCommand::takesValue("--compressed"));
    QVERIFY_THROWS_EXCEPTION(Error, c.apply("--proxy", "x"));
    QVERIFY_THROWS_EXCEPTION(Error, c.apply("--max-redirs", "x"));
}

// -k, --cacert, --cert/-E, --key and --resolve: read as curl reads them,
// turned into the client's TLS options, and written back.
void tst_CurlCommand::tlsOptions() {
    const CurlCommand c = CurlCommand::parse(
        "curl -skL --cacert /tmp/ca.pem -E /tmp/client.pem --key '/tmp/client key.pem' "
        "--resolve localhost:8443:127.0.0.1 --resolve www.test:443:[::1] "
        "https://localhost:8443/hello");
    QVERIFY(c.insecure);
    QVERIFY(c.location);
    QCOMPARE(c.caCert, std::string("/tmp/ca.pem"));
    QCOMPARE(c.cert, std::string("/tmp/client.pem"));
    QCOMPARE(c.key, std::string("/tmp/client key.pem"));
    QCOMPARE(c.resolve.size(), size_t(2));
    QCOMPARE(c.url, std::string("https://localhost:8443/hello"));

    const ClientOptions o = c.toOptions();
    QVERIFY(o.tls.insecure);
    QCOMPARE(o.tls.caFile, std::string("/tmp/ca.pem"));
    QCOMPARE(o.tls.certFile, std::string("/tmp/client.pem"));
    QCOMPARE(o.tls.keyFile, std::string("/tmp/client key.pem"));
    QCOMPARE(o.resolve.size(), size_t(2));
    QCOMPARE(o.resolve[0].host, std::string("localhost"));
    QCOMPARE(o.resolve[0].port, uint16_t(8443));
    QCOMPARE(o.resolve[0].address, std::string("127.0.0.1"));
    QCOMPARE(o.resolve[1].host, std::string("www.test"));
    QCOMPARE(o.resolve[1].port, uint16_t(443));
    QCOMPARE(o.resolve[1].address, std::string("::1"));

    // Written back and read again: the same command.
    const std::string line = c.toCommandLine();
    QVERIFY2(line.find(" -k") != std::string::npos, line.c_str());
    QVERIFY2(line.find("--cacert /tmp/ca.pem") != std::string::npos ||
                 line.find("--cacert '/tmp/ca.pem'") != std::string::npos,
             line.c_str());
    QCOMPARE(CurlCommand::parse(line), c);

    // Without them, nothing is verified less than by default.
    const ClientOptions plain = CurlCommand::parse("curl https://localhost/").toOptions();
    QVERIFY(!plain.tls.insecure);
    QVERIFY(plain.tls.caFile.empty());
    QVERIFY(plain.resolve.empty());

    // The long spellings and apply() mean the same.
    CurlCommand a;
    a.apply("--insecure");
    a.apply("--cert", "/tmp/client.pem");
    a.url = "https://localhost/";
    QCOMPARE(a, CurlCommand::parse("curl -k -E/tmp/client.pem https://localhost/"));
    QVERIFY(CurlCommand::takesValue("--cacert"));
    QVERIFY(CurlCommand::takesValue("--resolve"));
    QVERIFY(!CurlCommand::takesValue("-k"));
}

// Copy as cURL of a composed https request carries its TLS options.
void tst_CurlCommand::tlsOptionsExported() {
    auto url = Url::parse("https://localhost:8443/hello");
    QVERIFY(url);
    ClientOptions o;
    o.tls.insecure = true;
    o.tls.caFile = "/tmp/ca.pem";
    o.tls.certFile = "/tmp/client.pem";
    o.tls.keyFile = "/tmp/client.key";
    o.resolve.push_back(parseResolve("localhost:8443:127.0.0.1"));
    o.resolve.push_back(parseResolve("v6.test:443:[::1]"));
    const Request r = Client::prepare("GET", *url, {}, {}, o);
    const CurlCommand c = CurlCommand::fromRequest(r, *url, o);
    QVERIFY(c.insecure);
    QCOMPARE(c.caCert, o.tls.caFile);
    QCOMPARE(c.cert, o.tls.certFile);
    QCOMPARE(c.key, o.tls.keyFile);
    QCOMPARE(c.resolve,
             (std::vector<std::string>{"localhost:8443:127.0.0.1", "v6.test:443:[::1]"}));
    const ClientOptions back = CurlCommand::parse(c.toCommandLine()).toOptions();
    QCOMPARE(back.tls.insecure, true);
    QCOMPARE(back.tls.caFile, o.tls.caFile);
    QCOMPARE(back.tls.certFile, o.tls.certFile);
    QCOMPARE(back.tls.keyFile, o.tls.keyFile);
    QCOMPARE(back.resolve.size(), size_t(2));
    QCOMPARE(back.resolve[1].address, std::string("::1"));
}

void tst_CurlCommand::badResolve() {
    QVERIFY_THROWS_EXCEPTION(Error, CurlCommand::parse("curl --resolve nonsense https://a/"));
    QVERIFY_THROWS_EXCEPTION(Error,
                             CurlCommand::parse("curl --resolve a:notaport:1.2.3.4 https://a/"));
    QVERIFY_THROWS_EXCEPTION(Error, CurlCommand::parse("curl https://a/ --cacert"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_CurlCommand)
#include "tst_curl_command.moc"
