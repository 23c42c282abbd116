#pragma once
// The traced program's sockets (core ProgramSockets) as a table for the Run
// window's Connections tab: pid, fd, kind, local, peer, state, in, out. Fed
// the TraceAdapter's batches on the GUI thread.

#include <QAbstractTableModel>
#include <QVector>

#include "core/tracer/programsockets.h"
#include "widgets/trace/traceadapter.h"

namespace sockwb {

class ProgramSocketsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pid, Fd, Kind, Local, Peer, State, In, Out, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

public slots:
    void addEvents(const QVector<sockwb::TraceEvent>& events);
    void clear();

private:
    QVariant cell(const tracer::ProgramSocket& s, int column) const;
    tracer::ProgramSockets sockets_;
};

}  // namespace sockwb
