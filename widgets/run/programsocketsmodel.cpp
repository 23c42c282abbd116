#include "widgets/run/programsocketsmodel.h"

namespace sockwb {

namespace {

// The core's words (tracer::kindName/stateName), listed here so lupdate
// finds them; looked up in the model's context.
[[maybe_unused]] const char* const kWords[] = {
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "TCP listening"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "TCP connected"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "Unix listening"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "open"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "listening"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "connecting"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "connected"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "refused"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "shut RD"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "shut WR"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "shut RD+WR"),
    QT_TRANSLATE_NOOP("sockwb::ProgramSocketsModel", "closed"),
};

}  // namespace

int ProgramSocketsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(sockets_.rows().size());
}

int ProgramSocketsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgramSocketsModel::cell(const tracer::ProgramSocket& s, int column) const {
    switch (column) {
        case Pid:
            return s.pid;
        case Fd:
            return s.fd;
        case Kind:
            return tr(tracer::kindName(s.kind));
        case Local:
            return QString::fromStdString(s.local);
        case Peer:
            return QString::fromStdString(s.peer);
        case State:
            return tr(tracer::stateName(s.state));
        case In:
            return QVariant::fromValue<qlonglong>(s.bytesIn);
        default:
            return QVariant::fromValue<qlonglong>(s.bytesOut);
    }
}

QVariant ProgramSocketsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || role != Qt::DisplayRole) return {};
    return cell(sockets_.rows().at(static_cast<size_t>(index.row())), index.column());
}

QVariant ProgramSocketsModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[] = {
        QT_TR_NOOP("pid"),  QT_TR_NOOP("fd"),    QT_TR_NOOP("kind"), QT_TR_NOOP("local"),
        QT_TR_NOOP("peer"), QT_TR_NOOP("state"), QT_TR_NOOP("in"),   QT_TR_NOOP("out")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

void ProgramSocketsModel::addEvents(const QVector<sockwb::TraceEvent>& events) {
    beginResetModel();
    for (const auto& e : events) sockets_.apply(e);
    endResetModel();
}

void ProgramSocketsModel::clear() {
    beginResetModel();
    sockets_ = {};
    endResetModel();
}

}  // namespace sockwb
