#include "widgets/run/programchecktext.h"

namespace sockwb {

QString ProgramCheckText::sentence(const tracer::ProgramCheck& c) {
    const QString path = QString::fromStdString(c.path);
    switch (c.what) {
        case tracer::Traceability::Dynamic:
            return tr("%1 is dynamically linked: its socket calls are traced").arg(path);
        case tracer::Traceability::Script:
            return tr("%1 is a script: the calls of its interpreter are traced").arg(path);
        case tracer::Traceability::Static:
            return tr("%1 is statically linked: no dynamic loader runs, so LD_PRELOAD cannot "
                      "trace it (rebuild it without -static, or use strace -f)")
                .arg(path);
        case tracer::Traceability::SetId:
            return tr("%1 is setuid/setgid: the dynamic loader ignores LD_PRELOAD for it, so it "
                      "cannot be traced (run a copy without the setuid bit)")
                .arg(path);
        case tracer::Traceability::NotFound:
            return tr("%1: no such program (give its path, e.g. ./my_server)").arg(path);
        case tracer::Traceability::NotExecutable:
            return tr("%1 is not an executable file (chmod +x? a directory?)").arg(path);
        case tracer::Traceability::NotElf:
            return tr("%1 is neither an ELF program nor a script: it cannot run").arg(path);
    }
    return {};
}

}  // namespace sockwb
