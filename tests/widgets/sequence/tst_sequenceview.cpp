// The sequence view on a synthetic exchange (server and client processes):
// the arrows are drawn where a click finds them and the details show their
// bytes, calls are clickable and Up/Down step through them, the compressed
// and real axes place calls as they say, step and play move the playhead,
// and the SVG/PNG exports hold the diagram.

#include <QApplication>
#include <QImage>
#include <QImageReader>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "core/sequence/sequence.h"
#include "support/sequencescript.h"
#include "support/testmain.h"
#include "widgets/sequence/sequencecanvas.h"
#include "widgets/sequence/sequencedetails.h"
#include "widgets/sequence/sequenceexport.h"
#include "widgets/sequence/sequenceview.h"

using namespace sockwb;
using sockwb::test::SequenceScript;

namespace {

size_t firstArrow(const seq::SequenceBuilder& b, seq::Arrow::Kind kind) {
    for (size_t i = 0; i < b.arrows().size(); ++i)
        if (b.arrows()[i].kind == kind) return i;
    return seq::kNone;
}

size_t callNamed(const seq::SequenceBuilder& b, const std::string& call, int pid, int nth = 0) {
    for (size_t i = 0; i < b.calls().size(); ++i) {
        const TraceEvent& e = b.events()[b.calls()[i].event];
        if (e.call == call && e.pid == pid && nth-- == 0) return i;
    }
    return seq::kNone;
}

// Clicks a scene point of the canvas (scrolled into view first).
void clickScene(SequenceView& view, size_t nearCall, const QPointF& scene) {
    view.canvas()->ensureVisible(nearCall);
    QApplication::processEvents();
    const QPoint at = view.canvas()->toViewport(scene).toPoint();
    QTest::mouseClick(view.canvas()->viewport(), Qt::LeftButton, {}, at);
}

}  // namespace

class tst_SequenceView : public QObject {
    Q_OBJECT

private slots:
    void dataArrowIsDrawnAndClickable() {
        SequenceView view;
        view.resize(1000, 700);
        view.show();
        view.appendEvents(SequenceScript::exchange().events);
        const seq::SequenceBuilder& b = view.builder();
        const size_t data = firstArrow(b, seq::Arrow::Kind::Data);
        QVERIFY(data != seq::kNone);
        QVERIFY(firstArrow(b, seq::Arrow::Kind::Handshake) != seq::kNone);
        QVERIFY(firstArrow(b, seq::Arrow::Kind::Fin) != seq::kNone);
        // The first piece of "Bonjour\n": the send fans out to two recvs.
        const seq::Arrow& a = b.arrows()[data];
        QCOMPARE(b.events()[b.calls()[a.from].event].call, std::string("send"));
        const QLineF line = view.canvas()->painter().arrowLine(data);
        QVERIFY(line.length() > 50);  // from one process's column to the other's
        clickScene(view, a.from, line.pointAt(0.5));
        QCOMPARE(view.canvas()->selectedArrow(), data);
        QCOMPARE(view.details()->bytesText(), QStringLiteral("Bonj"));
        QVERIFY(view.details()->bytesHex().contains(QStringLiteral("42 6f 6e 6a")));
        QVERIFY(view.details()->title().contains(QStringLiteral("Data")));
        // The arrow was painted: a grab draws it and counts it.
        QVERIFY(!view.grab().isNull());
        QVERIFY(view.paintedItems() >= int(b.calls().size()));
    }

    void callIsClickableAndKeysStep() {
        SequenceView view;
        view.resize(1000, 700);
        view.show();
        view.appendEvents(SequenceScript::exchange().events);
        const seq::SequenceBuilder& b = view.builder();
        const size_t send = callNamed(b, "send", 20);
        QVERIFY(send != seq::kNone);
        const seq::SequenceLayout& l = view.layout();
        clickScene(view, send, QPointF(l.lifelineX(b.calls()[send].lifeline), l.callY(send)));
        QCOMPARE(view.canvas()->selectedCall(), send);
        const TraceEvent& e = b.events()[b.calls()[send].event];
        QCOMPARE(view.details()->traceLine(), QString::fromStdString(e.toLine()));
        QCOMPARE(view.details()->bytesText(), QStringLiteral("Bonjour\n"));
        // Down: the next call in time; Up: back.
        const size_t pos = l.positionOf(send);
        QTest::keyClick(view.canvas(), Qt::Key_Down);
        QCOMPARE(view.canvas()->selectedCall(), b.timeOrder()[pos + 1]);
        QTest::keyClick(view.canvas(), Qt::Key_Up);
        QTest::keyClick(view.canvas(), Qt::Key_Up);
        QCOMPARE(view.canvas()->selectedCall(), b.timeOrder()[pos - 1]);
    }

    void failedCallInRed() {
        SequenceScript s = SequenceScript::exchange();
        s.add(10, 5, "recv", -1, ECONNRESET);
        SequenceView view;
        view.appendEvents(s.events);
        const size_t last = view.builder().calls().size() - 1;
        view.select(last);
        QVERIFY(view.details()->title().contains(QStringLiteral("ECONNRESET")));
    }

    void compressedAndRealAxes() {
        SequenceScript s = SequenceScript::exchange();
        s.now += 2'000'000;  // the server answers two seconds later
        s.send(10, 5, "late");
        s.recv(20, 4, "late");
        SequenceView view;
        view.resize(1000, 700);
        view.appendEvents(s.events);
        const seq::SequenceBuilder& b = view.builder();
        const size_t before = b.timeOrder()[b.timeOrder().size() - 3];
        const size_t late = b.timeOrder()[b.timeOrder().size() - 2];
        const seq::LayoutOptions& o = view.layout().options();
        QCOMPARE(o.axis, seq::LayoutOptions::Axis::Compressed);
        QCOMPARE(view.layout().callY(late) - view.layout().callY(before),
                 o.callSpacing + o.foldGap);
        QCOMPARE(view.layout().folds().size(), size_t(1));
        view.setAxis(seq::LayoutOptions::Axis::Real);
        view.setZoom(0.5);
        const double dt = double(b.calls()[late].timeUs - b.calls()[before].timeUs);
        QCOMPARE(view.layout().callY(late) - view.layout().callY(before), dt / 1000.0 * 0.5);
        QVERIFY(view.layout().folds().empty());
        QVERIFY(!view.grab().isNull());
    }

    void stepAndPlayMoveThePlayhead() {
        SequenceView view;
        view.resize(1000, 700);
        view.show();
        view.appendEvents(SequenceScript::exchange().events);
        const size_t n = view.builder().timeOrder().size();
        QCOMPARE(view.playhead(), seq::kNone);
        view.step();
        QCOMPARE(view.playhead(), size_t(0));
        view.step();
        QCOMPARE(view.playhead(), size_t(1));
        QCOMPARE(view.canvas()->selectedCall(), view.builder().timeOrder()[1]);
        view.stepBack();
        QCOMPARE(view.playhead(), size_t(0));
        view.setSpeed(50);
        view.play();
        QVERIFY(view.isPlaying());
        QTRY_COMPARE_WITH_TIMEOUT(view.playhead(), n - 1, 10000);
        QTRY_VERIFY(!view.isPlaying());
        view.rewind();
        QCOMPARE(view.playhead(), size_t(0));
        view.stop();
        QCOMPARE(view.playhead(), seq::kNone);
    }

    void exportsHoldTheDiagram() {
        SequenceView view;
        view.appendEvents(SequenceScript::exchange().events);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString svg = dir.filePath(QStringLiteral("s.svg"));
        QVERIFY2(view.exportSvg(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("send 8 B"));
        QVERIFY(text.contains("accept4 = 5"));
        QVERIFY(text.contains("recv = 0"));
        QVERIFY(text.contains("pid 10"));
        const QString png = dir.filePath(QStringLiteral("s.png"));
        QVERIFY2(view.exportPng(png, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), int(std::ceil(view.layout().width())));
        QCOMPARE(image.height(), int(std::ceil(view.layout().height())));
        // A range of rows: a shorter picture.
        view.setRange(view.builder().timeOrder()[2], view.builder().timeOrder()[5]);
        QVERIFY(view.exportPng(png, &error));
        QVERIFY(QImage(png).height() < image.height());
        QVERIFY(!view.exportSvg(dir.filePath(QStringLiteral("no/such/dir/s.svg")), &error));
        QVERIFY(!error.isEmpty());
    }

    void hundredThousandEventsPaintOnlyWhatIsVisible() {
        const SequenceScript s = SequenceScript::longExchange(100000);
        SequenceView view;
        view.resize(1000, 700);
        view.show();
        for (qsizetype i = 0; i < s.events.size(); i += 5000)
            view.appendEvents(s.events.mid(i, 5000));
        const seq::SequenceBuilder& b = view.builder();
        QVERIFY(b.calls().size() >= 100000);
        // Events in time order: the live trace never laid out everything again.
        QCOMPARE(view.layout().fullLayouts(), size_t(1));
        QVERIFY(!view.grab().isNull());
        // Only what is on screen: a few dozen rows and their arrows.
        QVERIFY(view.paintedItems() > 10);
        QVERIFY2(view.paintedItems() < 200, qPrintable(QString::number(view.paintedItems())));
        // Followed the newest events: the last call is in view.
        QScrollBar* v = view.canvas()->verticalScrollBar();
        QCOMPARE(v->value(), v->maximum());
        // Scrolled away: new events do not pull the view back.
        const int away = v->maximum() / 2;
        v->setValue(away);
        SequenceScript more;
        more.now = s.now + 10;
        more.send(20, 4, "more");
        view.appendEvents(more.events);
        QCOMPARE(v->value(), away);
        QVERIFY(!view.grab().isNull());
        QVERIFY(view.paintedItems() < 200);
        // A PNG of all of it is cut at the cap, and says so.
        QTemporaryDir dir;
        QString note;
        QVERIFY(view.exportPng(dir.filePath(QStringLiteral("big.png")), &note));
        QVERIFY(!note.isEmpty());
        QCOMPARE(QImageReader(dir.filePath(QStringLiteral("big.png"))).size().height(),
                 SequenceExport::kMaxPngHeight);
    }
};

SOCKWB_TEST_MAIN(tst_SequenceView)
#include "tst_sequenceview.moc"
