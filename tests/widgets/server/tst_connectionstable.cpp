// ConnectionsTable words the state code of each connection snapshot
// (ConnectionState) in the GUI's language: the core's English names
// without a translator, French with the embedded catalogue.

#include <QTranslator>
#include <QtTest>

#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/common/translations.h"
#include "widgets/server/connectionstable.h"

using namespace sockwb;

class tst_ConnectionsTable : public QObject {
    Q_OBJECT

private slots:
    void statesWorded_data();
    void statesWorded();
};

void tst_ConnectionsTable::statesWorded_data() {
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("french");
    QTest::newRow("open") << int(ConnectionState::Open) << QStringLiteral("ouverte");
    QTest::newRow("closing") << int(ConnectionState::Closing) << QStringLiteral("fermeture");
    QTest::newRow("closed") << int(ConnectionState::Closed) << QStringLiteral("fermée");
}

void tst_ConnectionsTable::statesWorded() {
    QFETCH(int, state);
    QFETCH(QString, french);
    ConnectionInfo info;
    info.id = 7;
    info.listener = "echo/tcp";
    info.state = ConnectionState(state);
    const auto cell = [&] {
        ConnectionsTable table;
        table.setConnections({info});
        auto* item = table.item(0, ConnectionsTable::State);
        return item ? item->text() : QString();
    };
    QCOMPARE(cell(), QString::fromLatin1(connectionStateName(ConnectionState(state))));
    QTranslator translator;
    QVERIFY(translator.load(Translations::catalogue(QStringLiteral("fr"))));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString inFrench = cell();
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(inFrench, french);
}

SOCKWB_TEST_MAIN(tst_ConnectionsTable)
#include "tst_connectionstable.moc"
