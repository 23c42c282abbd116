// ComposerPrepared: the form is prepared once per edit (URL parsed once, a
// body file read once), the prepared request agrees byte for byte with what
// curl sends for the exported command, and Send writes exactly the prepared
// bytes (a loopback server on port 0 echoes what it received).

#include <QCheckBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

#include "core/http/curlcommand.h"
#include "support/testmain.h"
#include "widgets/composer/composer_testserver.h"
#include "widgets/composer/composerprepared.h"
#include "widgets/composer/composerrequest.h"
#include "widgets/composer/composerrequesteditor.h"
#include "widgets/composer/composerwindow.h"

using namespace sockwb;

namespace {

using Edit = std::function<void(ComposerRequest&)>;

struct Snapshot {
    unsigned long preparations, urlParses, bodyFileReads;
    static Snapshot now() {
        auto& c = ComposerPrepared::counters();
        return {c.preparations, c.urlParses, c.bodyFileReads};
    }
    Snapshot since(const Snapshot& before) const {
        return {preparations - before.preparations, urlParses - before.urlParses,
                bodyFileReads - before.bodyFileReads};
    }
};

QByteArray bytes(const std::string& s) { return QByteArray::fromStdString(s); }

}  // namespace

Q_DECLARE_METATYPE(Edit)

class tst_ComposerPrepared : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void agreesWithCurl_data();
    void agreesWithCurl();
    void problemsAreCodes();
    void injectedHeaderIsAProblem();
    void lenientFramingReachesTheOptions();
    void oneEditPreparesOnce();
    void sendWritesThePreparedBytes();

private:
    QTemporaryDir dir_;
    QString bodyFile_;
};

void tst_ComposerPrepared::initTestCase() {
    QVERIFY(dir_.isValid());
    bodyFile_ = dir_.filePath(QStringLiteral("body.txt"));
    QFile f(bodyFile_);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("line 1\nline 2\n");
}

void tst_ComposerPrepared::agreesWithCurl_data() {
    using B = ComposerRequest::BodyType;
    using A = ComposerRequest::Auth;
    QTest::addColumn<Edit>("edit");
    const std::string file = bodyFile_.toStdString();
    QTest::newRow("get") << Edit([](ComposerRequest&) {});
    QTest::newRow("no scheme") << Edit([](ComposerRequest& r) { r.url = "127.0.0.1:8080/a?b=c"; });
    QTest::newRow("post raw") << Edit([](ComposerRequest& r) {
        r.method = "POST";
        r.bodyType = B::Raw;
        r.rawText = "hello";
    });
    QTest::newRow("get with body") << Edit([](ComposerRequest& r) {
        r.bodyType = B::Raw;
        r.rawText = "x";
    });
    QTest::newRow("empty raw body") << Edit([](ComposerRequest& r) {
        r.method = "PUT";
        r.bodyType = B::Raw;
    });
    QTest::newRow("json") << Edit([](ComposerRequest& r) {
        r.method = "POST";
        r.bodyType = B::Json;
        r.rawText = "{\"a\":1}";
    });
    QTest::newRow("json typed") << Edit([](ComposerRequest& r) {
        r.method = "PATCH";
        r.bodyType = B::Json;
        r.rawText = "{}";
        r.headers = {{true, "content-type", "application/merge-patch+json"}};
    });
    QTest::newRow("form") << Edit([](ComposerRequest& r) {
        r.method = "POST";
        r.bodyType = B::Form;
        r.formRows = {{true, "name", "Karim B"}, {false, "off", "1"}, {true, "é", "&="}};
    });
    QTest::newRow("file") << Edit([file](ComposerRequest& r) {
        r.method = "POST";
        r.bodyType = B::File;
        r.filePath = file;
    });
    QTest::newRow("head") << Edit([](ComposerRequest& r) { r.method = "HEAD"; });
    QTest::newRow("head with body") << Edit([](ComposerRequest& r) {
        r.method = "HEAD";
        r.bodyType = B::Raw;
        r.rawText = "b";
    });
    QTest::newRow("custom method") << Edit([](ComposerRequest& r) { r.method = "PROPFIND"; });
    QTest::newRow("bearer") << Edit([](ComposerRequest& r) {
        r.auth = A::Bearer;
        r.bearerToken = "tok";
    });
    QTest::newRow("bearer empty") << Edit([](ComposerRequest& r) { r.auth = A::Bearer; });
    QTest::newRow("basic") << Edit([](ComposerRequest& r) {
        r.auth = A::Basic;
        r.authUser = "bob";
        r.authPassword = "s3cret";
    });
    QTest::newRow("basic no password") << Edit([](ComposerRequest& r) {
        r.auth = A::Basic;
        r.authUser = "bob";
    });
    QTest::newRow("url userinfo") << Edit(
        [](ComposerRequest& r) { r.url = "http://u:p%40@h:81/"; });
    QTest::newRow("basic over userinfo") << Edit([](ComposerRequest& r) {
        r.url = "http://u:p@h/";
        r.auth = A::Basic;
        r.authUser = "x";
    });
    QTest::newRow("custom authorization") << Edit([](ComposerRequest& r) {
        r.auth = A::Basic;
        r.authUser = "x";
        r.headers = {{true, "Authorization", "Token t"}};
    });
    QTest::newRow("auto headers off") << Edit([](ComposerRequest& r) {
        for (auto& a : r.autoHeaders) a.enabled = !a.enabled;
    });
    QTest::newRow("auto headers set") << Edit([](ComposerRequest& r) {
        for (auto& a : r.autoHeaders) a.value = " v-" + a.name + " ";
        r.bodyType = B::Raw;
        r.rawText = "12345";
    });
    QTest::newRow("host other") << Edit([](ComposerRequest& r) {
        r.headers = {{true, "Host", "example.test"}};
    });
    QTest::newRow("custom rows") << Edit([](ComposerRequest& r) {
        r.headers = {{true, " X-A ", " 1 "}, {true, "X-Empty", "  "}, {false, "X-Off", "o"},
                     {true, "", "nameless"}, {true, "X-A", "again"},  {true, "Accept", "text/*"}};
    });
    QTest::newRow("content-length set") << Edit([](ComposerRequest& r) {
        r.bodyType = B::Raw;
        r.rawText = "abc";
        r.headers = {{true, "Content-Length", "3"}};
    });
    QTest::newRow("compressed") << Edit([](ComposerRequest& r) { r.compressed = true; });
    QTest::newRow("compressed custom") << Edit([](ComposerRequest& r) {
        r.compressed = true;
        r.headers = {{true, "Accept-Encoding", "br"}};
    });
    QTest::newRow("http10 options") << Edit([](ComposerRequest& r) {
        r.http10 = true;
        r.followRedirects = true;
        r.timeoutMs = 1500;
    });
}

// The bytes the composer prepares are the bytes curl sends for the command
// "Copy as cURL" exports (CurlCommand models curl's header order).
void tst_ComposerPrepared::agreesWithCurl() {
    QFETCH(Edit, edit);
    ComposerRequest form;
    edit(form);
    const ComposerPrepared p = ComposerPrepared::prepare(form);
    QVERIFY(p.ok());
    QVERIFY(p.curl == form.toCurl());
    const http::CurlCommand curl = form.toCurl();
    QCOMPARE(bytes(p.ready->wire),
             bytes(curl.toRequest(http::ClientOptions{}.userAgent).serialize()));
    QCOMPARE(bytes(p.ready->wire), bytes(p.ready->request.serialize()));
    const http::ClientOptions curlOptions = curl.toOptions();
    QCOMPARE(p.ready->options.followRedirects, curlOptions.followRedirects);
    QCOMPARE(p.ready->options.compressed, curlOptions.compressed);
    QCOMPARE(p.ready->options.http10, curlOptions.http10);
    QCOMPARE(p.ready->options.timeout.count(), Millis(form.timeoutMs).count());
    QCOMPARE(bytes(p.ready->url.toString()), bytes(http::Url::parse(form.url)->toString()));
}

void tst_ComposerPrepared::problemsAreCodes() {
    ComposerRequest form;
    form.url = "ftp://example.test/";
    ComposerPrepared p = ComposerPrepared::prepare(form);
    QCOMPARE(p.problem, ComposerPrepared::Problem::Url);
    QCOMPARE(p.urlError.code, http::UrlError::Code::UnsupportedScheme);
    QVERIFY(!p.ready);
    // A --resolve entry that is not HOST:PORT:ADDR is a problem of its own.
    form.url = "https://localhost:8443/";
    form.resolve = {"localhost:8443"};
    p = ComposerPrepared::prepare(form);
    QCOMPARE(p.problem, ComposerPrepared::Problem::Resolve);
    QVERIFY(!p.resolveError.empty());
    QVERIFY(!p.ready);
    form.resolve = {"localhost:8443:127.0.0.1"};
    p = ComposerPrepared::prepare(form);
    QCOMPARE(p.problem, ComposerPrepared::Problem::None);
    QVERIFY(p.ready);
    QCOMPARE(p.ready->options.resolve.size(), size_t(1));
    QCOMPARE(p.ready->options.resolve[0].address, std::string("127.0.0.1"));
    form.resolve.clear();
    form.url = "http://127.0.0.1/";
    form.bodyType = ComposerRequest::BodyType::File;
    form.filePath = dir_.filePath(QStringLiteral("missing")).toStdString();
    p = ComposerPrepared::prepare(form);
    QCOMPARE(p.problem, ComposerPrepared::Problem::BodyFile);
    QVERIFY(p.bodyError);
    QCOMPARE(QString::fromStdString(p.autoDefault("Host")), QStringLiteral("127.0.0.1"));
    QVERIFY(p.autoDefault("Content-Length").empty());
}

void tst_ComposerPrepared::injectedHeaderIsAProblem() {
    ComposerRequest form;
    form.url = "http://127.0.0.1/";
    form.headers = {{true, "X-A", "a\r\nEvil: 1"}};
    ComposerPrepared p = ComposerPrepared::prepare(form);
    QCOMPARE(p.problem, ComposerPrepared::Problem::Header);
    QVERIFY(!p.ready);  // never sent
    QVERIFY2(p.headerError.find("CR or LF") != std::string::npos, p.headerError.c_str());
    ComposerWindow w(nullptr, dir_.filePath(QStringLiteral("history.json")));
    w.editor()->setRequest(form);
    QVERIFY(w.editor()->problem().contains(QStringLiteral("CR or LF")));
    form.headers = {{true, "Bad Name", "1"}};
    p = ComposerPrepared::prepare(form);
    QCOMPARE(p.problem, ComposerPrepared::Problem::Header);
    QVERIFY(p.headerError.find("not a token") != std::string::npos);
}

void tst_ComposerPrepared::lenientFramingReachesTheOptions() {
    ComposerRequest form;
    form.url = "http://127.0.0.1/";
    QVERIFY(!form.options().lenientFraming);
    QCOMPARE(form.options().maxTime, form.options().timeout);  // "whole exchange"
    form.lenientFraming = true;
    QVERIFY(form.options().lenientFraming);
    QVERIFY(ComposerRequest::fromJson(form.toJson()).lenientFraming);
    ComposerWindow w(nullptr, dir_.filePath(QStringLiteral("history.json")));
    w.editor()->setRequest(form);
    auto* box = w.editor()->findChild<QCheckBox*>(QStringLiteral("lenientFraming"));
    QVERIFY(box);
    QVERIFY(box->isChecked());
    QVERIFY(w.editor()->prepared().ready->options.lenientFraming);
}

void tst_ComposerPrepared::oneEditPreparesOnce() {
    ComposerWindow w(nullptr, dir_.filePath(QStringLiteral("history.json")));
    ComposerRequestEditor* e = w.editor();
    ComposerRequest form;
    form.method = "POST";
    form.url = "http://127.0.0.1:1/upload";
    form.bodyType = ComposerRequest::BodyType::File;
    form.filePath = bodyFile_.toStdString();
    e->setRequest(form);
    // One keystroke in the URL: one preparation, one parse, one read.
    const Snapshot before = Snapshot::now();
    e->urlEdit()->setFocus();
    e->urlEdit()->end(false);
    QTest::keyClick(e->urlEdit(), Qt::Key_S);
    QCOMPARE(e->urlEdit()->text(), QStringLiteral("http://127.0.0.1:1/uploads"));
    Snapshot d = Snapshot::now().since(before);
    QCOMPARE(d.preparations, 1ul);
    QCOMPARE(d.urlParses, 1ul);
    QCOMPARE(d.bodyFileReads, 1ul);
    QVERIFY(e->rawRequest().startsWith("POST /uploads HTTP/1.1\r\n"));
    QVERIFY(e->rawRequest().endsWith("\r\n\r\nline 1\nline 2\n"));
    // The pane, the problem check and the curl export reuse that value.
    const Snapshot after = Snapshot::now();
    QVERIFY(e->problem().isEmpty());
    QVERIFY(w.curlCommand().contains(QStringLiteral("--data-raw")));
    QCOMPARE(bytes(e->prepared().ready->wire), e->rawRequest());
    d = Snapshot::now().since(after);
    QCOMPARE(d.preparations, 0ul);
    QCOMPARE(d.urlParses, 0ul);
    QCOMPARE(d.bodyFileReads, 0ul);
}

void tst_ComposerPrepared::sendWritesThePreparedBytes() {
    ComposerTestServer server;  // 127.0.0.1, port 0; echoes the request it read
    ComposerWindow w(nullptr, dir_.filePath(QStringLiteral("history.json")));
    ComposerRequest form;
    form.method = "PUT";
    form.url = server.base().toStdString() + "/echo?q=1";
    form.headers = {{true, "X-Course", "reseaux"}};
    form.bodyType = ComposerRequest::BodyType::File;
    form.filePath = bodyFile_.toStdString();
    w.editor()->setRequest(form);
    const QByteArray shown = w.editor()->rawRequest();
    QVERIFY(!shown.isEmpty());
    std::shared_ptr<const ComposerOutcome> outcome;
    connect(w.worker(), &ComposerWorker::finished, this,
            [&](quint64, std::shared_ptr<const ComposerOutcome> o) { outcome = std::move(o); });
    const Snapshot before = Snapshot::now();
    QVERIFY(w.send());
    QCOMPARE(Snapshot::now().since(before).bodyFileReads, 0ul);  // Send reads nothing again
    QTRY_VERIFY_WITH_TIMEOUT(outcome != nullptr, 10000);
    QVERIFY2(outcome->ok, qPrintable(outcome->error));
    QCOMPARE(bytes(outcome->result.final().requestBytes), shown);
    QCOMPARE(bytes(outcome->result.final().response.body), shown);  // what the server read
}

SOCKWB_TEST_MAIN(tst_ComposerPrepared)
#include "tst_composer_prepared.moc"
