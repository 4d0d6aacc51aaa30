/// How a rendering stands on a date: THE rule that check, annotate and
/// `lookup --as-of` label renderings by.
public enum RenderingStanding: String, Sendable, Equatable {
  /// Valid on the date and of an enforced status (or superseded, but still valid then).
  case approved
  /// Valid, but of a status the check does not enforce (candidate, or admitted with `--status preferred`).
  case notEnforced
  /// Its validity starts after the date (the Belt and Road Initiative in a 2014 document).
  case notYetValid
  /// Deprecated, or superseded (or ended) before the date: a wrong rendering on that date.
  case outdated
}

extension GlossaryEntry {
  /// How this rendering stands in a document dated `date`.
  /// - Parameter enforce: statuses that count as approved while valid.
  public func standing(on date: ISODate, enforce: Set<TermStatus> = [.preferred, .admitted]) -> RenderingStanding {
    switch status {
    case .deprecated: return .outdated
    case .superseded:
      if isValid(on: date) { return .approved }
      if let from = validFrom, date < from { return .notYetValid }
      return .outdated
    case .preferred, .admitted:
      if let from = validFrom, date < from { return .notYetValid }
      if !isValid(on: date) { return .outdated }
      return enforce.contains(status) ? .approved : .notEnforced
    case .candidate, .rejected: return .notEnforced
    }
  }

  /// The status a rendering had on `date`, for labels (`lookup --as-of`): a superseded rendering
  /// still valid then was the preferred one ("...for mankind" on 2016-01-01); otherwise its status.
  public func label(on date: ISODate) -> TermStatus {
    status == .superseded && standing(on: date) == .approved ? .preferred : status
  }

  /// The day from which the rendering is wrong: valid_from for a deprecated row that has one,
  /// the day after valid_to for one that ended; nil when it was never right.
  public var wrongSince: ISODate? {
    if status != .deprecated, let to = validTo { return to.nextDay }
    return status == .deprecated ? validFrom : nil
  }
}

/// What a glossary entry's tags say about checking it. The tags are the
/// glossary's (see README, "The glossary file").
extension GlossaryEntry {
  /// A discourse preference (双方 "the two sides", 中方 "China", 中国 "China"): good
  /// translators restructure or omit it, so `check` looks at it only with `--strict`.
  /// Tag `discourse` on any row of the concept.
  public var isDiscourse: Bool { tags.contains("discourse") }

  /// A rendering never acceptable, whatever the source says (OBOR): `check`
  /// reports it anywhere in a translation while it is outdated. Tag `forbidden`.
  public var isForbidden: Bool { tags.contains("forbidden") }

  /// A form of the preferred rendering rather than a competing choice: a grammatical
  /// form (tag `form`: "Pakistani" of 巴基斯坦) or an abbreviation or short form the
  /// glossary lists (tag `short`: "G20", "the SCO"). Using it beside the full form is
  /// not an inconsistency.
  public var isVariantForm: Bool { tags.contains("form") || tags.contains("short") }
}
