// The sequence view fed by a real exchange: core sockets on loopback make
// the calls under a TraceAdapter (as a server panel's would), and the view
// shows the handshake, the message read in two pieces and the FIN, and a
// click on a data arrow shows the bytes it carried.

#include <QApplication>
#include <QtTest/QtTest>
#include <cstring>

#include "core/net/address.h"
#include "core/net/socket.h"
#include "core/sequence/sequence.h"
#include "support/testmain.h"
#include "widgets/sequence/sequencecanvas.h"
#include "widgets/sequence/sequencedetails.h"
#include "widgets/sequence/sequenceview.h"
#include "widgets/trace/traceadapter.h"

using namespace sockwb;

namespace {
int count(const seq::SequenceBuilder& b, seq::Arrow::Kind kind) {
    int n = 0;
    for (const seq::Arrow& a : b.arrows()) n += a.kind == kind;
    return n;
}
}  // namespace

class tst_SequenceViewLive : public QObject {
    Q_OBJECT

private slots:
    void loopbackExchange() {
        TraceAdapter adapter(nullptr, 10);
        SequenceView view;
        view.resize(1100, 700);
        view.show();
        view.attach(&adapter);
        {
            TraceScope scope(&adapter);
            Socket listener = Socket::create(AF_INET, SOCK_STREAM);
            listener.bind(Address::parse("127.0.0.1:0"));
            listener.listen(8);
            Socket client = Socket::create(AF_INET, SOCK_STREAM);
            client.connect(listener.localAddress());
            Socket::Accepted accepted = listener.accept();
            client.sendAll("Bonjour\n");
            char buf[16] = {};
            accepted.socket.recvExact(buf, 4);
            accepted.socket.recvExact(buf + 4, 4);
            QCOMPARE(QByteArray(buf, 8), QByteArray("Bonjour\n"));
            accepted.socket.sendAll("Au Revoir");
            client.recvExact(buf, 9);
            client.close();
            QVERIFY(accepted.socket.recv(buf, sizeof buf).eof());
        }
        adapter.flush();
        const seq::SequenceBuilder& b = view.builder();
        QTRY_VERIFY(count(b, seq::Arrow::Kind::Fin) >= 1);
        QCOMPARE(count(b, seq::Arrow::Kind::Handshake), 1);
        // "Bonjour\n" read in two pieces (a fan of two arrows), "Au Revoir" in one.
        QCOMPARE(count(b, seq::Arrow::Kind::Data), 3);
        size_t first = seq::kNone;
        for (size_t i = 0; i < b.arrows().size() && first == seq::kNone; ++i)
            if (b.arrows()[i].kind == seq::Arrow::Kind::Data && b.arrows()[i].offset == 4 &&
                b.events()[b.calls()[b.arrows()[i].from].event].data == "Bonjour\n")
                first = i;
        QVERIFY(first != seq::kNone);
        const QLineF line = view.canvas()->painter().arrowLine(first);
        view.canvas()->ensureVisible(b.arrows()[first].from);
        QApplication::processEvents();
        QTest::mouseClick(view.canvas()->viewport(), Qt::LeftButton, {},
                          view.canvas()->toViewport(line.pointAt(0.5)).toPoint());
        QCOMPARE(view.canvas()->selectedArrow(), first);
        QCOMPARE(view.details()->bytesText(), QStringLiteral("our\n"));
        QVERIFY(!view.grab().isNull());
        QVERIFY(view.paintedItems() > 0);
    }
};

SOCKWB_TEST_MAIN(tst_SequenceViewLive)
#include "tst_sequenceview_live.moc"
