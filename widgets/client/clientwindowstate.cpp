#include "widgets/client/clientwindow.h"

// Placeholder: the Script tab and the form's state are written on their own branch.

namespace sockwb {

ClientConfig ClientWindow::formConfig() const { return {}; }
void ClientWindow::setFormConfig(const ClientConfig&) {}
Framing ClientWindow::framing() const { return Framing::Raw; }
void ClientWindow::setFraming(Framing) {}
std::vector<ScriptStep> ClientWindow::script() const { return {}; }
void ClientWindow::setScript(const std::vector<ScriptStep>&) {}
void ClientWindow::playScript() {}
ScriptPanel* ClientWindow::scriptPanel() const { return nullptr; }

}  // namespace sockwb
