import Foundation

/// Whole seconds between two dates, never negative (for ages).
func secondsBetween(_ earlier: Date?, _ later: Date) -> Int? {
    guard let earlier else { return nil }
    return max(0, Int(later.timeIntervalSince(earlier).rounded(.down)))
}

/// An age cell: `3d4h`, or `-` when the time is unknown.
func ageText(since date: Date?, now: Date) -> String {
    secondsBetween(date, now).map(Age.short(seconds:)) ?? "-"
}
