#pragma once
// Answers the next modal message box (a dirty workspace's Save / Discard /
// Cancel when the main window closes, File > Open's errors) with `button`
// once it shows; *text gets its text and informative text. The watcher
// gives up after lifetimeMs, so it never answers a later test's box.

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>

namespace sockwb::test {

inline QTimer* answerNextBox(QMessageBox::StandardButton button, QString* text = nullptr,
                             int lifetimeMs = 10000) {
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    auto* age = new QElapsedTimer;
    age->start();
    QObject::connect(timer, &QTimer::destroyed, [age] { delete age; });
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text, age, lifetimeMs] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (age->elapsed() > lifetimeMs) timer->deleteLater();
            return;
        }
        if (text) *text = box->text() + QLatin1Char(' ') + box->informativeText();
        if (QAbstractButton* b = box->button(button))
            b->click();
        else
            box->reject();
        timer->deleteLater();
    });
    timer->start();
    return timer;
}

}  // namespace sockwb::test
