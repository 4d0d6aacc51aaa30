import Foundation

/// A reviewer's decision on the concept on screen.
///
/// The proposal is `concept.candidates[0]`. Terminology rules (how a
/// terminologist reads a mined concept):
/// - `accept`, `edit` and `pick` choose the concept's preferred rendering and
///   close the concept: the candidates not chosen become `rejected` ("not
///   taken into the glossary", a workflow status, not "wrong"), so the next
///   `glossary extract` does not propose them again and the next session does
///   not show the concept again. Keep a good alternative first with `variant`.
/// - `variant`, `deprecate` and `reject` decide the proposal only; the next
///   candidate becomes the proposal, and the concept closes when none is left.
/// - `edit` keeps the mined row as evidence (`rejected`, the reviewer corrected
///   it) and adds the corrected rendering as a new `preferred` row.
/// - A concept that already has a preferred rendering cannot get a second one:
///   accept refuses; use `variant` or `deprecate` (or `glossary edit`).
public enum ReviewAction: Equatable, Sendable {
  case accept
  case edit(String)
  /// Choose `concept.candidates[index]` as the preferred rendering.
  case pick(Int)
  case variant
  /// Deprecate the proposal; an empty replacement means the concept's preferred rendering.
  case deprecate(replacement: String)
  case reject
  /// Leave the concept for a later session (nothing is written).
  case skip
  /// Set the proposal's note (written; the proposal stays undecided).
  case note(String)
  /// Accept the concept's suggested switch (`ReviewConcept.suggestedSwitch`) in one decision:
  /// the new rendering becomes preferred from its first sighting, the old one superseded until
  /// the day before and replaced by the new one; the other candidates become rejected.
  case acceptSwitch
}

/// What a decision counted as.
public enum ReviewOutcome: String, Sendable {
  case accepted, edited, variant, deprecated, rejected, skipped, noted
  /// A suggested switch was accepted (counted with the accepted ones).
  case switched
}

/// Progress counters of a session.
public struct ReviewProgress: Equatable, Sendable {
  /// 0-based index of the concept on screen (== total when done).
  public var position = 0
  /// Concepts in the session.
  public var total = 0
  public var accepted = 0
  public var edited = 0
  public var variants = 0
  public var deprecated = 0
  public var rejected = 0
  public var skipped = 0

  mutating func count(_ o: ReviewOutcome, _ d: Int) {
    switch o {
    case .accepted, .switched: accepted += d
    case .edited: edited += d
    case .variant: variants += d
    case .deprecated: deprecated += d
    case .rejected: rejected += d
    case .skipped: skipped += d
    case .noted: break
    }
  }
}

/// A review session over the candidates of a glossary: a queue of concepts,
/// decisions written at once through `ReviewStorage`, and undo.
///
/// The session knows nothing of terminals. Each `perform` writes before it
/// returns; a new session over the same file resumes with the candidates left
/// (skipped concepts come back, decided ones do not). Undo covers the
/// decisions of this session, newest first, and reverts the file too.
///
/// ```swift
/// let s = try ReviewSession(storage: ReviewFileStorage(path: "g.tsv"), reviewer: "li", today: ISODate("2026-11-30")!)
/// while let c = s.concept { print(c.source, c.proposal!.target); try s.perform(.accept) }
/// ```
public final class ReviewSession {
  public let storage: ReviewStorage
  public let reviewer: String
  public let today: ISODate
  /// Concept ids in session order.
  public private(set) var conceptIDs: [String]
  /// The concept on screen; nil when the session is done.
  public private(set) var concept: ReviewConcept?
  public private(set) var progress = ReviewProgress()
  public let highlighter: ReviewHighlighter

  private let builder: ReviewQueueBuilder
  private var index = 0
  private var history: [Record] = []

  private struct Record {
    var index: Int
    var outcome: ReviewOutcome
    var changes: [ReviewChange]
  }

  /// Opens a session on the candidates left in `storage`.
  /// - Throws: storage errors (missing or broken glossary).
  public init(
    storage: ReviewStorage, options: ReviewOptions = ReviewOptions(), reviewer: String, today: ISODate,
    normalizer: MatchKeyNormalizer? = nil
  ) throws {
    let n = try normalizer ?? MatchKeyNormalizer()
    self.storage = storage
    self.reviewer = reviewer
    self.today = today
    self.builder = ReviewQueueBuilder(normalizer: n)
    self.highlighter = ReviewHighlighter(normalizer: n)
    let glossary = try storage.read()
    conceptIDs = builder.conceptIDs(in: glossary, options: options)
    progress.total = conceptIDs.count
    settle(glossary)
  }

  /// Whether every concept was decided or skipped.
  public var isFinished: Bool { concept == nil }

  /// Whether there is a decision of this session to undo.
  public var canUndo: Bool { !history.isEmpty }

  /// Evidence pairs for a candidate of the concept on screen (term highlighted on both sides).
  public func evidence(for entry: GlossaryEntry, limit: Int = 3) -> [ReviewEvidence] {
    highlighter.evidence(for: entry, limit: limit)
  }

  /// Applies a decision to the concept on screen and writes it.
  /// - Returns: what the decision counted as.
  /// - Throws: `ReviewError.refused` (nothing written) or storage errors.
  @discardableResult
  public func perform(_ action: ReviewAction) throws -> ReviewOutcome {
    guard let concept else { throw ReviewError.refused("no concept left to review") }
    let source = concept.source
    let id = concept.conceptID
    if action == .skip {
      history.append(Record(index: index, outcome: .skipped, changes: []))
      progress.count(.skipped, 1)
      index += 1
      settle(try storage.read())
      return .skipped
    }
    guard let proposal = concept.proposal else { throw ReviewError.refused("\(source): no candidate left") }
    let target: String
    let suggested = action == .acceptSwitch ? concept.suggestedSwitch : nil
    if action == .acceptSwitch {
      guard let suggested else { throw ReviewError.refused("\(source): no switch between renderings is suggested") }
      target = suggested.to
    } else if case .pick(let k) = action {
      guard concept.candidates.indices.contains(k) else {
        throw ReviewError.refused("no alternative \(k + 1): this concept has \(concept.candidates.count)")
      }
      target = concept.candidates[k].target
    } else {
      target = proposal.target
    }
    let (result, glossary) = try storage.modify { g in
      let r = try ReviewRules.apply(
        action, conceptID: id, target: target, to: &g, reviewer: reviewer, date: today, suggested: suggested)
      return (r, g)
    }
    let (outcome, changes, closes) = (result.outcome, result.changes, result.closes)
    history.append(Record(index: index, outcome: outcome, changes: changes))
    progress.count(outcome, 1)
    if closes { index += 1 }
    settle(glossary)
    return outcome
  }

  /// Reverts the last decision of this session, in the file too, and shows its concept again.
  /// - Returns: what the undone decision had counted as.
  /// - Throws: `ReviewError.nothingToUndo`, `ReviewError.undoConflict` when the row changed since.
  @discardableResult
  public func undo() throws -> ReviewOutcome {
    guard let record = history.last else { throw ReviewError.nothingToUndo }
    let path = storage.path
    let glossary = try storage.modify { g -> Glossary in
      try ReviewRules.revert(record.changes, in: &g, path: path)
      return g
    }
    history.removeLast()
    progress.count(record.outcome, -1)
    index = record.index
    settle(glossary, forward: false)
    return record.outcome
  }

  /// Loads the concept at `index`, moving past concepts with no candidate left (decided elsewhere).
  private func settle(_ glossary: Glossary, forward: Bool = true) {
    while index < conceptIDs.count {
      let c = builder.concept(conceptIDs[index], in: glossary)
      if !c.candidates.isEmpty || !forward {
        concept = c
        progress.position = index
        return
      }
      index += 1
    }
    concept = nil
    progress.position = conceptIDs.count
  }
}
