// The sequence view on a TLS exchange (synthetic events with the TLS
// engine's "tls" notes): the arrows are labelled with the records they
// carried (ClientHello; ServerHello, Certificate, Finished; application
// data 78 B) instead of a byte count, the details of an arrow and of a
// call name them, a plain exchange keeps its byte counts, and the SVG
// export draws the handshake's names.

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "core/sequence/sequence.h"
#include "support/sequencescript.h"
#include "support/testmain.h"
#include "widgets/sequence/sequencecanvas.h"
#include "widgets/sequence/sequencedetails.h"
#include "widgets/sequence/sequencepainter.h"
#include "widgets/sequence/sequencetext.h"
#include "widgets/sequence/sequenceview.h"

using namespace sockwb;
using sockwb::test::SequenceScript;

namespace {

void note(SequenceScript& s, int pid, int fd, const char* args) {
    s.add(pid, fd, "tls", 0).args = args;
}

// Server pid 10 (listener 3, accepted 5), client pid 20 (fd 4) over TLS.
SequenceScript tlsExchange() {
    SequenceScript s;
    const std::string server = "127.0.0.1:8443", client = "127.0.0.1:40000";
    s.listener(10, 3, server);
    s.client(20, 4, client, server);
    s.accept(10, 3, 5, server, client);
    note(s, 20, 4, "→ ClientHello (512 B)");
    s.send(20, 4, std::string(517, '\x16'));
    s.recv(10, 5, std::string(517, '\x16'));
    note(s, 10, 5, "← ClientHello (512 B)");
    note(s, 10, 5, "→ ServerHello (122 B)");
    note(s, 10, 5, "→ Certificate (480 B)");
    note(s, 10, 5, "→ Finished (52 B)");
    s.send(10, 5, std::string(760, '\x17'));
    s.recv(20, 4, std::string(760, '\x17'));
    note(s, 20, 4, "← ServerHello (122 B)");
    note(s, 20, 4, "← Certificate (480 B)");
    note(s, 20, 4, "← Finished (52 B)");
    note(s, 20, 4, "→ application data (78 B)");
    s.send(20, 4, std::string(100, '\x17'));
    s.recv(10, 5, std::string(100, '\x17'));
    note(s, 10, 5, "← application data (78 B)");
    return s;
}

size_t callNamed(const seq::SequenceBuilder& b, const std::string& call, int pid, int nth = 0) {
    for (size_t i = 0; i < b.calls().size(); ++i) {
        const TraceEvent& e = b.events()[b.calls()[i].event];
        if (e.call == call && e.pid == pid && nth-- == 0) return i;
    }
    return seq::kNone;
}

size_t dataArrowFrom(const seq::SequenceBuilder& b, size_t call) {
    for (size_t i = 0; i < b.arrows().size(); ++i)
        if (b.arrows()[i].from == call && b.arrows()[i].kind == seq::Arrow::Kind::Data) return i;
    return seq::kNone;
}

}  // namespace

class tst_SequenceViewTls : public QObject {
    Q_OBJECT

private slots:
    void recordsLabel() {
        QCOMPARE(SequenceText::tlsRecords({{"ClientHello", 512, true, 1}}),
                 QStringLiteral("ClientHello"));
        QCOMPARE(SequenceText::tlsRecords({{"ServerHello", 122, true, 1},
                                           {"Certificate", 480, true, 1},
                                           {"Finished", 52, true, 1}}),
                 QStringLiteral("ServerHello, Certificate, Finished"));
        QCOMPARE(SequenceText::tlsRecords({{"application data", 78, true, 1}}),
                 QStringLiteral("application data 78 B"));
        QCOMPARE(SequenceText::tlsRecords(
                     {{"application data", 60, true, 1}, {"application data", 40, true, 1}}),
                 QStringLiteral("application data 100 B"));
        QCOMPARE(SequenceText::tlsRecords(
                     {{"NewSessionTicket", 200, true, 1}, {"NewSessionTicket", 200, true, 1}}),
                 QStringLiteral("NewSessionTicket ×2"));
        QVERIFY(SequenceText::tlsRecords({}).isEmpty());
    }

    void arrowDetailsNameTheRecords() {
        SequenceView view;
        view.resize(1000, 700);
        view.show();
        view.appendEvents(tlsExchange().events);
        const seq::SequenceBuilder& b = view.builder();
        const size_t flight = dataArrowFrom(b, callNamed(b, "send", 10));
        QVERIFY(flight != seq::kNone);
        view.select(seq::kNone, flight);
        QVERIFY2(
            view.details()->title().contains(QStringLiteral("ServerHello, Certificate, Finished")),
            qPrintable(view.details()->title()));
        const size_t hello = callNamed(b, "send", 20);
        view.select(hello);
        QVERIFY2(view.details()->title().contains(QStringLiteral("ClientHello")),
                 qPrintable(view.details()->title()));
        // A note is a call of its own, on the socket's lifeline, worded as it came.
        const size_t noteCall = callNamed(b, "tls", 20);
        QCOMPARE(b.calls()[noteCall].lifeline, b.calls()[hello].lifeline);
        view.select(noteCall);
        QCOMPARE(view.details()->title(), QStringLiteral("tls → ClientHello (512 B)"));
        QVERIFY(!view.grab().isNull());
    }

    void svgDrawsTheHandshake() {
        SequenceView view;
        view.appendEvents(tlsExchange().events);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString svg = dir.filePath(QStringLiteral("tls.svg"));
        QString error;
        QVERIFY2(view.exportSvg(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        // The arrows' labels (the calls' labels would say "tls → ClientHello (512 B)").
        QVERIFY(text.contains(QStringLiteral(">ClientHello<")));
        QVERIFY(text.contains(QStringLiteral(">ServerHello, Certificate, Finished<")));
        QVERIFY(text.contains(QStringLiteral(">application data 78 B<")));
        // No arrow of this exchange is labelled with a byte count.
        QVERIFY(!text.contains(QStringLiteral(">760 B<")));
    }

    void plainExchangeKeepsByteCounts() {
        SequenceView view;
        view.appendEvents(SequenceScript::exchange().events);
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("plain.svg"));
        QVERIFY(view.exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral(">9 B<")));  // "Au Revoir"
        QVERIFY(!text.contains(QStringLiteral("ClientHello")));
    }
};

SOCKWB_TEST_MAIN(tst_SequenceViewTls)
#include "tst_sequenceview_tls.moc"
