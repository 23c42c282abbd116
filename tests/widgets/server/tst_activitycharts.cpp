// The server panel's Activity tab: a real http server on port 0 answers a
// few requests and the charts' requests/s and bytes/s series get points
// above zero; an echo server hides the requests chart. Run under an event
// model and a blocking one (the two ways a session reports a request).

#include <QApplication>
#include <QLineSeries>
#include <QtTest>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/server/activitycharts.h"
#include "widgets/server/serverpanel.h"

using namespace sockwb;

namespace {
// One HTTP/1.0 request; the answer read to the server's close.
std::string get(const Address& to) {
    Socket s = tcpConnect(to, Millis(3000));
    s.sendAll("GET / HTTP/1.0\r\nHost: test\r\n\r\n");
    std::string answer;
    char buf[4096];
    for (;;) {
        IoResult r = s.recv(buf, sizeof buf, Millis(3000));
        if (!r.ok() || r.bytes == 0) break;
        answer.append(buf, r.bytes);
    }
    return answer;
}
double highest(const QLineSeries* s) {
    double top = 0;
    for (const QPointF& p : s->points()) top = std::max(top, p.y());
    return top;
}
ServerConfig config(const char* service, const char* model) {
    ServerConfig c;
    c.listeners.front().service = service;
    c.model = model;
    return c;
}
}  // namespace

class tst_ActivityCharts : public QObject {
    Q_OBJECT
private slots:
    void httpRequestsShow_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("epoll") << QStringLiteral("epoll");
        QTest::newRow("iterative") << QStringLiteral("iterative");
    }
    void httpRequestsShow() {
        QFETCH(QString, model);
        ServerPanel panel(config("http", model.toLatin1().constData()));
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, 5000);
        ActivityCharts* charts = panel.activityCharts();
        QVERIFY(charts->requestsShown());
        const Address at = panel.addresses().front();
        for (int i = 0; i < 5; ++i) QVERIFY(get(at).rfind("HTTP/1.", 0) == 0);
        // The panel samples once a second: the next sample after the
        // requests holds their rate.
        QTRY_VERIFY_WITH_TIMEOUT(highest(charts->requestsSeries()) > 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(highest(charts->bytesOutSeries()) > 0, 5000);
        QVERIFY(highest(charts->bytesInSeries()) > 0);
        // Time runs "seconds ago": the newest point is at 0.
        QCOMPARE(charts->requestsSeries()->points().last().x(), 0.0);
        panel.stop();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Stopped, 5000);
    }
    void echoHidesRequests() {
        ServerPanel panel(config("echo", "epoll"));
        panel.start();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Running, 5000);
        QVERIFY(!panel.activityCharts()->requestsShown());
        Socket s = tcpConnect(panel.addresses().front(), Millis(3000));
        // The open connection shows in the connections chart.
        QTRY_VERIFY_WITH_TIMEOUT(highest(panel.activityCharts()->connectionsSeries()) >= 1, 5000);
        s.close();
        panel.stop();
        QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ServerPanel::Stopped, 5000);
    }
};

SOCKWB_TEST_MAIN(tst_ActivityCharts)
#include "tst_activitycharts.moc"
