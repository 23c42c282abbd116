#include "app/cli/clitext.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <clocale>
#include <cstdio>

#include "core/net/error.h"
#include "widgets/common/errortext.h"
#include "widgets/common/translations.h"

namespace sockwb::app {

namespace {
// QCoreApplication keeps references to argc and argv: they live here.
int gArgc = 1;
char gName[] = "sockwb";
char* gArgv[] = {gName, nullptr};

void print(std::FILE* stream, const QString& text) {
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}
}  // namespace

CliLanguage::CliLanguage(const QString& language, bool widgets) {
    if (!QCoreApplication::instance()) {
        if (widgets) {
            // Drawn into a file, never shown: no display needed.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
                qputenv("QT_LOGGING_RULES", "qt.qpa.*=false");
            app_ = std::make_unique<QApplication>(gArgc, gArgv);
        } else {
            app_ = std::make_unique<QCoreApplication>(gArgc, gArgv);
        }
        // QCoreApplication called setlocale(LC_ALL, ""): in a French locale
        // printf would write 0,5 and strtod stop at the dot. Numbers stay C.
        std::setlocale(LC_NUMERIC, "C");
    }
    language_ = language.isEmpty() ? Translations::systemLanguage() : language;
    Translations::install(QCoreApplication::instance(), language_);
}

// The translators are children of the application and go with it.
CliLanguage::~CliLanguage() = default;

bool takeLanguageOption(Args* args, QString* language, QString* error) {
    Args kept;
    for (std::size_t i = 0; i < args->size(); ++i) {
        const std::string& a = (*args)[i];
        if (a == "--") {
            kept.insert(kept.end(), args->begin() + static_cast<long>(i), args->end());
            break;
        }
        std::string value;
        if (a == "--lang") {
            if (i + 1 >= args->size()) {
                *error = QCoreApplication::translate("sockwb::app::cli", "--lang needs a value");
                return false;
            }
            value = (*args)[++i];
        } else if (a.rfind("--lang=", 0) == 0) {
            value = a.substr(7);
        } else {
            kept.push_back(a);
            continue;
        }
        *language = Translations::normalize(q(value));
        if (language->isEmpty()) {
            *error = QCoreApplication::translate("sockwb::app::cli",
                                                 "unknown language '%1' (valid: en, fr)")
                         .arg(q(value));
            return false;
        }
    }
    *args = std::move(kept);
    return true;
}

void printOut(const QString& text) { print(stdout, text); }

void printErr(const QString& text) { print(stderr, text); }

QString errorText(const Error& error) {
    if (QLocale().language() == QLocale::English) return QString::fromUtf8(error.what());
    return ErrorText::sentence(error);
}

}  // namespace sockwb::app
