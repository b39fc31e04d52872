/// The cluster panes as `TablePane`s: columns, sort keys and filter matching per row type, one pane per
/// extension (`ClusterPanes+Signals`, `+Timeline`, `+Nodes`, `+Pods`, `+Restarts`).
public enum ClusterPanes {}
