// View > Presentation Mode: the application font scaled and restored
// exactly, the high-contrast palette and the thicker focus frame, the
// setting saved and restored, and the views that hold their own fonts or
// paint their own text (trace, sequence, charts, fixed-pitch panes, key
// numbers) following the mode both ways.

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionFocusRect>
#include <QTableView>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/client/dataview.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/common/presentationmode.h"
#include "widgets/common/presentationstyle.h"
#include "widgets/compare/comparecharts.h"
#include "widgets/composer/composertimingchart.h"
#include "widgets/sequence/sequencecanvas.h"
#include "widgets/sequence/sequencedetails.h"
#include "widgets/sequence/sequenceview.h"
#include "widgets/server/activitycharts.h"
#include "widgets/server/serverpanel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {

constexpr qreal k = PresentationMode::kFactor;

PresentationMode* mode() { return PresentationMode::instance(); }

bool near(qreal a, qreal b) { return std::abs(a - b) < 1e-6; }

// Strong (dark) pixels of a 60 x 30 focus frame drawn by `style` on white.
int focusPixels(QStyle* style) {
    QImage image(60, 30, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QStyleOptionFocusRect option;
    option.rect = image.rect();
    option.state = QStyle::State_HasFocus | QStyle::State_KeyboardFocusChange;
    option.palette = PresentationMode::highContrastPalette();
    option.backgroundColor = Qt::white;
    {
        QPainter p(&image);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &p);
    }
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 160) ++count;
    return count;
}

}  // namespace

class tst_PresentationMode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void fontScaledAndRestoredExactly();
    void turningOnTwiceNeverCompounds();
    void paletteHighContrastAndRestored();
    void focusFrameThickerAndStyleRestored();
    void settingPersistsAndRestores();
    void traceViewRowsFollowTheFont();
    void sequenceViewScalesItsGeometry();
    void activityChartsScaleAndComeBack();
    void chartMadeWhileOnDoesNotCompound();
    void compareChartsBarLabelsAfterRebuild();
    void fixedPitchPanesFollow();
    void keyNumbersBigAndBold();
    void serverCountersEmphasized();
    void timingChartMakesRoom();
};

void tst_PresentationMode::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("sockwb-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_presentationmode"));
    QSettings().clear();
    QVERIFY(!mode()->isOn());
}

void tst_PresentationMode::cleanup() {
    mode()->setOn(false);
    QSettings().clear();
}

void tst_PresentationMode::fontScaledAndRestoredExactly() {
    const QFont before = QApplication::font();
    QVERIFY(before.pointSizeF() > 0);
    QSignalSpy spy(mode(), &PresentationMode::changed);
    mode()->setOn(true);
    QVERIFY(mode()->isOn());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), true);
    QVERIFY(near(QApplication::font().pointSizeF(), before.pointSizeF() * k));
    QCOMPARE(QApplication::font().family(), before.family());
    QCOMPARE(mode()->normalFont(), before);
    QVERIFY(near(PresentationMode::scaled(10), 10 * k));
    // A widget made now shows the larger font.
    QLabel label(QStringLiteral("x"));
    QVERIFY(near(label.font().pointSizeF(), before.pointSizeF() * k));

    mode()->setOn(false);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toBool(), false);
    QCOMPARE(QApplication::font(), before);
    QVERIFY(near(PresentationMode::factor(), 1.0));
    QTRY_VERIFY(near(label.font().pointSizeF(), before.pointSizeF()));
}

void tst_PresentationMode::turningOnTwiceNeverCompounds() {
    const QFont before = QApplication::font();
    QSignalSpy spy(mode(), &PresentationMode::changed);
    mode()->setOn(true);
    mode()->setOn(true);
    QCOMPARE(spy.count(), 1);
    QVERIFY(near(QApplication::font().pointSizeF(), before.pointSizeF() * k));
    mode()->setOn(false);
    mode()->setOn(true);  // again from the font at start, not from the large one
    QVERIFY(near(QApplication::font().pointSizeF(), before.pointSizeF() * k));
    mode()->setOn(false);
    QCOMPARE(QApplication::font(), before);
}

void tst_PresentationMode::paletteHighContrastAndRestored() {
    const QPalette before = QApplication::palette();
    QWidget widget;
    mode()->setOn(true);
    const QPalette on = QApplication::palette();
    QCOMPARE(on.color(QPalette::Window), QColor(Qt::white));
    QCOMPARE(on.color(QPalette::Base), QColor(Qt::white));
    QVERIFY(on.color(QPalette::Text).lightness() < 32);
    QVERIFY(on.color(QPalette::WindowText).lightness() < 32);
    // A strong selection, as strong in an inactive window.
    QVERIFY(on.color(QPalette::Highlight).lightness() < 110);
    QCOMPARE(on.color(QPalette::Inactive, QPalette::Highlight),
             on.color(QPalette::Active, QPalette::Highlight));
    QCOMPARE(on.color(QPalette::HighlightedText), QColor(Qt::white));
    QTRY_COMPARE(widget.palette().color(QPalette::Text), on.color(QPalette::Text));

    mode()->setOn(false);
    QCOMPARE(QApplication::palette(), before);
    QTRY_COMPARE(widget.palette().color(QPalette::Text), before.color(QPalette::Text));
}

void tst_PresentationMode::focusFrameThickerAndStyleRestored() {
    QPointer<QStyle> original = QApplication::style();
    const QString name = original->name();
    const int normal = focusPixels(original);
    mode()->setOn(true);
    auto* style = qobject_cast<PresentationStyle*>(QApplication::style());
    QVERIFY(style);
    QVERIFY(original);  // kept, not deleted by QApplication::setStyle()
    const int thick = focusPixels(style);
    QVERIFY2(thick >= 2 * std::max(normal, 1),
             qPrintable(QStringLiteral("%1 vs %2 pixels").arg(thick).arg(normal)));
    mode()->setOn(false);
    QVERIFY(original);
    QCOMPARE(QApplication::style(), original.data());
    QCOMPARE(QApplication::style()->name(), name);
}

void tst_PresentationMode::settingPersistsAndRestores() {
    mode()->setOn(true);
    QCOMPARE(QSettings().value(PresentationMode::settingsKey()).toBool(), true);
    mode()->setOn(false);
    QCOMPARE(QSettings().value(PresentationMode::settingsKey()).toBool(), false);

    const QFont before = QApplication::font();
    QSettings().setValue(PresentationMode::settingsKey(), true);
    mode()->restore();
    QVERIFY(mode()->isOn());
    QVERIFY(near(QApplication::font().pointSizeF(), before.pointSizeF() * k));
    QSettings().setValue(PresentationMode::settingsKey(), false);
    mode()->restore();
    QVERIFY(!mode()->isOn());
    QCOMPARE(QApplication::font(), before);
    QSettings().remove(PresentationMode::settingsKey());
    mode()->restore();  // never saved: off
    QVERIFY(!mode()->isOn());
}

void tst_PresentationMode::traceViewRowsFollowTheFont() {
    TraceView view;
    const qreal size = view.table()->font().pointSizeF();
    const int row = view.table()->verticalHeader()->defaultSectionSize();
    const int callColumn = view.table()->columnWidth(0);
    mode()->setOn(true);
    QTRY_VERIFY(near(view.table()->font().pointSizeF(), size * k));
    QTRY_VERIFY(view.table()->verticalHeader()->defaultSectionSize() > row);
    QVERIFY(view.table()->columnWidth(0) > callColumn);
    mode()->setOn(false);
    QTRY_COMPARE(view.table()->verticalHeader()->defaultSectionSize(), row);
    QCOMPARE(view.table()->columnWidth(0), callColumn);
    QVERIFY(near(view.table()->font().pointSizeF(), size));
}

void tst_PresentationMode::sequenceViewScalesItsGeometry() {
    SequenceView view;
    const seq::LayoutOptions normal = view.layout().options();
    const qreal size = view.canvas()->font().pointSizeF();
    auto* bytes = view.details()->findChild<QPlainTextEdit*>();
    QVERIFY(bytes);
    const QFont fixed = bytes->font();
    QVERIFY(near(view.canvas()->painter().scale(), 1.0));

    mode()->setOn(true);
    const seq::LayoutOptions& on = view.layout().options();
    QVERIFY(near(on.columnWidth, normal.columnWidth * k));
    QVERIFY(near(on.callSpacing, normal.callSpacing * k));
    QVERIFY(near(on.top, normal.top * k));
    QVERIFY(near(on.left, normal.left * k));
    QVERIFY(near(on.pxPerMs, normal.pxPerMs));  // the zoom stays the user's
    QVERIFY(near(view.canvas()->painter().scale(), k));
    QTRY_VERIFY(near(view.canvas()->font().pointSizeF(), size * k));
    QVERIFY(near(bytes->font().pointSizeF(), fixed.pointSizeF() * k));
    QCOMPARE(bytes->font().family(), fixed.family());

    mode()->setOn(false);
    QVERIFY(near(view.layout().options().columnWidth, normal.columnWidth));
    QVERIFY(near(view.layout().options().top, normal.top));
    QVERIFY(near(view.canvas()->painter().scale(), 1.0));
    QCOMPARE(bytes->font(), fixed);
}

void tst_PresentationMode::activityChartsScaleAndComeBack() {
    ActivityCharts charts;
    QChart* chart = charts.chart(ActivityCharts::Connections);
    const QFont title = chart->titleFont();
    QAbstractAxis* axis = chart->axes().front();
    const QFont labels = axis->labelsFont();
    const qreal pen = charts.connectionsSeries()->pen().widthF();
    QVERIFY(pen > 0);

    mode()->setOn(true);
    QVERIFY(near(chart->titleFont().pointSizeF(), title.pointSizeF() * k));
    QVERIFY(near(axis->labelsFont().pointSizeF(), labels.pointSizeF() * k));
    QVERIFY(near(chart->legend()->font().pointSizeF(),
                 charts.chart(ActivityCharts::Bytes)->legend()->font().pointSizeF()));
    QVERIFY(near(charts.connectionsSeries()->pen().widthF(), pen * k));
    QVERIFY(near(charts.bytesOutSeries()->pen().widthF(), pen * k));

    mode()->setOn(false);
    QCOMPARE(chart->titleFont(), title);
    QCOMPARE(axis->labelsFont(), labels);
    QVERIFY(near(charts.connectionsSeries()->pen().widthF(), pen));
}

void tst_PresentationMode::chartMadeWhileOnDoesNotCompound() {
    qreal normalTitle = 0, normalLabels = 0;
    {
        ActivityCharts reference;
        normalTitle = reference.chart(ActivityCharts::Bytes)->titleFont().pointSizeF();
        normalLabels =
            reference.chart(ActivityCharts::Bytes)->axes().front()->labelsFont().pointSizeF();
    }
    mode()->setOn(true);
    ActivityCharts charts;  // made with the large application font
    QChart* chart = charts.chart(ActivityCharts::Bytes);
    QVERIFY(near(chart->titleFont().pointSizeF(), normalTitle * k));
    QVERIFY(near(chart->axes().front()->labelsFont().pointSizeF(), normalLabels * k));
    QVERIFY(near(charts.bytesInSeries()->pen().widthF(), 2.0 * k));
    mode()->setOn(false);
    QVERIFY(near(chart->titleFont().pointSizeF(), normalTitle));
    QVERIFY(near(chart->axes().front()->labelsFont().pointSizeF(), normalLabels));
    QVERIFY(near(charts.bytesInSeries()->pen().widthF(), 2.0));
}

void tst_PresentationMode::compareChartsBarLabelsAfterRebuild() {
    CompareCharts charts;
    CompareResult r;
    r.model = QStringLiteral("iterative");
    r.ok = true;
    r.requestsPerSec = 1234;
    charts.setResults({r});
    QChart* chart = charts.chart(CompareCharts::RequestsPerSec);
    auto barLabelSize = [chart] {
        auto* bars = qobject_cast<QAbstractBarSeries*>(chart->series().front());
        return bars->barSets().front()->labelFont().pointSizeF();
    };
    const qreal normal = barLabelSize();
    const qreal axis = chart->axes().front()->labelsFont().pointSizeF();
    mode()->setOn(true);
    QVERIFY(near(barLabelSize(), normal * k));
    // Results shown while on: the new bars are large too, the axes unchanged.
    charts.setResults({r, r});
    QVERIFY2(near(barLabelSize(), normal * k),
             qPrintable(QStringLiteral("%1 vs %2").arg(barLabelSize()).arg(normal)));
    QVERIFY(near(chart->axes().front()->labelsFont().pointSizeF(), axis * k));
    mode()->setOn(false);
    QVERIFY(near(barLabelSize(), normal));
    QVERIFY(near(chart->axes().front()->labelsFont().pointSizeF(), axis));
}

void tst_PresentationMode::fixedPitchPanesFollow() {
    DataView data;
    auto* view = data.findChild<QPlainTextEdit*>(QStringLiteral("receivedView"));
    QVERIFY(view);
    const QFont normal = view->font();
    mode()->setOn(true);
    QVERIFY(near(view->font().pointSizeF(), normal.pointSizeF() * k));
    QCOMPARE(view->font().family(), normal.family());
    mode()->setOn(false);
    QCOMPARE(view->font(), normal);

    // A pane made while the mode is on starts large.
    mode()->setOn(true);
    DataView late;
    auto* lateView = late.findChild<QPlainTextEdit*>(QStringLiteral("receivedView"));
    QVERIFY(near(lateView->font().pointSizeF(), normal.pointSizeF() * k));
}

void tst_PresentationMode::keyNumbersBigAndBold() {
    QWidget window;
    auto* label = new QLabel(QStringLiteral("accepted 3 · active 2"), &window);
    PresentationHooks::emphasize(label);
    const qreal size = label->font().pointSizeF();
    QVERIFY(!label->font().bold());
    QVERIFY(!label->wordWrap());
    mode()->setOn(true);
    QVERIFY(label->font().bold());
    QVERIFY(near(label->font().pointSizeF(), size * k * PresentationHooks::kEmphasis));
    QVERIFY(label->wordWrap());
    mode()->setOn(false);
    QTRY_VERIFY(near(label->font().pointSizeF(), size));
    QVERIFY(!label->font().bold());
    QVERIFY(!label->wordWrap());
    QVERIFY(!label->testAttribute(Qt::WA_SetFont));  // follows the application again
}

void tst_PresentationMode::serverCountersEmphasized() {
    ServerPanel panel(ServerConfig{});
    auto* counters = panel.findChild<QLabel*>(QStringLiteral("countersLabel"));
    QVERIFY(counters);
    const qreal size = counters->font().pointSizeF();
    mode()->setOn(true);
    QVERIFY(counters->font().bold());
    QVERIFY(near(counters->font().pointSizeF(), size * k * PresentationHooks::kEmphasis));
    mode()->setOn(false);
    QTRY_VERIFY(near(counters->font().pointSizeF(), size));
    QVERIFY(!counters->font().bold());
}

void tst_PresentationMode::timingChartMakesRoom() {
    ComposerTimingChart chart;
    const int normal = chart.minimumHeight();
    mode()->setOn(true);
    QCOMPARE(chart.minimumHeight(), qRound(normal * k));
    mode()->setOn(false);
    QCOMPARE(chart.minimumHeight(), normal);
}

SOCKWB_TEST_MAIN(tst_PresentationMode)
#include "tst_presentationmode.moc"
