/// What a piece of the screen means; a theme decides how each role looks.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal
    case header
    case headerStale
    case headerOK
    case headerWarn
    case title
    case tableHeader
    case tableHeaderSorted
    case row
    case rowSelected
    case severityCritical
    case severityWarning
    case severityInfo
    case dim
    case footer
    case footerKey
    case border
    case modal
    case prompt
    case message
    case error
    case sparkline
    case sparklineLimit
}
