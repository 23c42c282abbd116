// The shared error cues: the invalid-field border comes and goes with the
// state (and is not rebuilt when the state does not change), and a label
// turns to the error red and back to the window's text colour.

#include <QLabel>
#include <QLineEdit>
#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/common/formstyle.h"

using namespace sockwb;

class tst_FormStyle : public QObject {
    Q_OBJECT

private slots:
    void invalidBorderFollowsTheState() {
        QLineEdit edit;
        QVERIFY(edit.styleSheet().isEmpty());
        formstyle::markInvalid(&edit, true);
        QVERIFY(edit.styleSheet().contains(formstyle::errorColor().name()));
        QVERIFY(edit.styleSheet().contains(QLatin1String("border")));
        formstyle::markInvalid(&edit, false);
        QVERIFY(edit.styleSheet().isEmpty());
    }

    void sameStateLeavesTheStyleSheetAlone() {
        QLineEdit edit;
        formstyle::markInvalid(&edit, true);
        edit.setStyleSheet(QStringLiteral("QLineEdit { color: blue; }"));  // a marker
        formstyle::markInvalid(&edit, true);  // no change of state: not rebuilt
        QCOMPARE(edit.styleSheet(), QStringLiteral("QLineEdit { color: blue; }"));
        formstyle::markInvalid(&edit, false);
        QVERIFY(edit.styleSheet().isEmpty());
    }

    void labelTurnsRedAndBack() {
        QWidget window;
        auto* label = new QLabel(QStringLiteral("status"), &window);
        const QColor normal = window.palette().color(QPalette::WindowText);
        QVERIFY(normal != formstyle::errorColor());
        formstyle::setErrorText(label, true);
        QCOMPARE(label->palette().color(QPalette::WindowText), formstyle::errorColor());
        formstyle::setErrorText(label, false);
        QCOMPARE(label->palette().color(QPalette::WindowText), normal);
    }
};

SOCKWB_TEST_MAIN(tst_FormStyle)
#include "tst_formstyle.moc"
