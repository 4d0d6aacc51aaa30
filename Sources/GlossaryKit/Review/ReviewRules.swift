import Foundation

/// One term change made by a decision: `before` nil for an added term, `after` nil for a removed one.
struct ReviewChange {
  var conceptID: String
  var before: Term?
  var after: Term?
}

/// The terminology rules of review decisions, on one concept of a glossary
/// (shared by the session and the sheet). See ``ReviewAction`` for the rules.
/// The concept is checked like any edit (``ConceptRules``): a deprecation
/// whose replacement is not a rendering of the concept is refused.
enum ReviewRules {
  struct Result {
    var outcome: ReviewOutcome
    var changes: [ReviewChange]
    /// The decision chose the concept's preferred rendering.
    var closes: Bool
  }

  /// Applies `action` to the candidate rendering `target` of concept `conceptID` (for `.pick`, `target` is
  /// the picked candidate; for `.acceptSwitch`, `suggested` is the switch and `target` its new rendering).
  static func apply(
    _ action: ReviewAction, conceptID: String, target: String, to g: inout Glossary, reviewer: String, date: ISODate,
    suggested: TermHistory.Switch? = nil
  ) throws -> Result {
    guard var c = g.concept(id: conceptID) else { throw ReviewError.refused("concept \(conceptID) is no longer in the glossary") }
    let lang = g.targetLanguage
    let sourceLanguage = g.sourceLanguage
    let source = c.headTerm(in: sourceLanguage)?.text ?? conceptID
    var changes: [ReviewChange] = []
    var closes = false
    func set(_ i: Int, _ body: (inout Term) -> Void) {
      let before = c.terms[i]
      body(&c.terms[i])
      changes.append(ReviewChange(conceptID: conceptID, before: before, after: c.terms[i]))
    }
    func stamp(_ t: inout Term, _ status: TermStatus) {
      t.status = status
      t.reviewer = reviewer
      t.reviewed = date
    }
    func isRendering(_ t: Term) -> Bool { Glossary.sameLanguage(t.language, lang) }
    func candidateIndex(_ text: String) throws -> Int {
      guard let i = c.terms.firstIndex(where: { isRendering($0) && $0.text == text && $0.status == .candidate }) else {
        throw ReviewError.refused("\(source) -> \(text) is not a candidate (any more)")
      }
      return i
    }
    func checkNoPreferred() throws {
      let open = Term(language: lang, text: "", status: .preferred)
      if let p = c.terms.first(where: { isRendering($0) && $0.status == .preferred && $0.overlaps(open) }) {
        throw ReviewError.refused(
          "\(source) already has the preferred rendering \"\(p.text)\": add this one as a variant (v) or deprecate it (d)")
      }
    }
    /// A source term that was only a candidate becomes preferred with its first approved rendering.
    func promoteSource() {
      guard let i = c.terms.firstIndex(where: { Glossary.sameLanguage($0.language, sourceLanguage) && $0.text == source }),
        !c.terms[i].status.isCurated
      else { return }
      set(i) { stamp(&$0, .preferred) }
    }
    func rejectOtherCandidates(except keep: Int?) {
      for j in c.terms.indices where j != keep && isRendering(c.terms[j]) && c.terms[j].status == .candidate {
        set(j) { stamp(&$0, .rejected) }
      }
    }
    func choose(_ i: Int) throws {
      try checkNoPreferred()
      set(i) { stamp(&$0, .preferred) }
      rejectOtherCandidates(except: i)
      promoteSource()
      closes = true
    }
    let outcome: ReviewOutcome
    switch action {
    case .accept, .pick:
      try choose(try candidateIndex(target))
      outcome = .accepted
    case .edit(let raw):
      let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty else { throw ReviewError.refused("the rendering is empty") }
      let i = try candidateIndex(target)
      if text == target {
        try choose(i)
        outcome = .accepted
      } else if let k = c.terms.firstIndex(where: { isRendering($0) && $0.text == text && $0.status == .candidate }) {
        try choose(k)
        outcome = .edited
      } else {
        if let e = c.terms.first(where: { isRendering($0) && $0.text == text }) {
          throw ReviewError.refused("\(source) -> \(text) is already in the glossary (\(e.status.rawValue))")
        }
        try checkNoPreferred()
        let term = Term(language: lang, text: text, status: .preferred, tags: c.terms[i].tags, reviewer: reviewer, reviewed: date)
        c.terms.append(term)
        changes.append(ReviewChange(conceptID: conceptID, before: nil, after: term))
        rejectOtherCandidates(except: c.terms.count - 1)
        promoteSource()
        closes = true
        outcome = .edited
      }
    case .variant:
      set(try candidateIndex(target)) { stamp(&$0, .admitted) }
      promoteSource()
      outcome = .variant
    case .deprecate(let raw):
      var replacement = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if replacement.isEmpty {
        replacement = c.terms.first { isRendering($0) && $0.status == .preferred && $0.isValid(on: date) }?.text ?? ""
      }
      guard !replacement.isEmpty else {
        throw ReviewError.refused("\(source) has no preferred rendering yet: give the rendering that replaces \"\(target)\"")
      }
      guard c.terms.contains(where: { isRendering($0) && $0.text == replacement && $0.text != target }) else {
        throw ReviewError.refused("\"\(replacement)\" is not a rendering of \(source): add it first, or leave the replacement empty for the preferred one")
      }
      set(try candidateIndex(target)) {
        stamp(&$0, .deprecated)
        $0.replacedBy = replacement
      }
      outcome = .deprecated
    case .reject:
      set(try candidateIndex(target)) { stamp(&$0, .rejected) }
      outcome = .rejected
    case .note(let text):
      set(try candidateIndex(target)) { $0.note = text.trimmingCharacters(in: .whitespacesAndNewlines) }
      outcome = .noted
    case .skip:
      outcome = .skipped
    case .acceptSwitch:
      guard let s = suggested else { throw ReviewError.refused("\(source): no switch between renderings is suggested") }
      let new = try candidateIndex(s.to)
      guard let old = c.terms.firstIndex(where: {
        isRendering($0) && $0.text == s.from && [.candidate, .preferred, .admitted].contains($0.status)
      }) else {
        throw ReviewError.refused("\(source) -> \(s.from) is no candidate or approved rendering (any more)")
      }
      // The old rendering was in use until the new one appeared: superseded from that day on.
      set(old) {
        stamp(&$0, .superseded)
        $0.validTo = s.firstNew.previousDay
        $0.replacedBy = s.to
      }
      try checkNoPreferred()
      set(new) {
        stamp(&$0, .preferred)
        $0.validFrom = s.firstNew
      }
      rejectOtherCandidates(except: new)
      promoteSource()
      closes = true
      outcome = .switched
    }
    try store(c, in: &g)
    return Result(outcome: outcome, changes: changes, closes: closes)
  }

  /// Writes a changed concept back, checked like any edit.
  static func store(_ c: Concept, in g: inout Glossary) throws {
    do {
      try g.modifyConcept(id: c.id, path: "") { $0 = c }
    } catch GlossaryError.refused(_, let reason) {
      throw ReviewError.refused(reason)
    }
  }

  /// Terms are the same when the fields a decision touches agree (evidence is left out: float text round trips).
  static func sameTerm(_ a: Term, _ b: Term) -> Bool {
    a.text == b.text && a.status == b.status && a.note == b.note && a.replacedBy == b.replacedBy
      && a.reviewer == b.reviewer && a.reviewed == b.reviewed && a.validFrom == b.validFrom && a.validTo == b.validTo
  }

  /// Reverts `changes` (newest last) on their concepts.
  /// - Throws: `ReviewError.undoConflict` when a term changed since.
  static func revert(_ changes: [ReviewChange], in g: inout Glossary, path: String) throws {
    var byConcept: [String: Concept] = [:]
    var order: [String] = []
    for change in changes.reversed() {
      guard var c = byConcept[change.conceptID] ?? g.concept(id: change.conceptID) else {
        let t = change.after ?? change.before
        throw ReviewError.undoConflict(path: path, source: change.conceptID, target: t?.text ?? "")
      }
      if byConcept[change.conceptID] == nil { order.append(change.conceptID) }
      if let after = change.after {
        guard let i = c.termIndex(language: after.language, text: after.text), sameTerm(c.terms[i], after) else {
          let source = c.headTerm(in: g.sourceLanguage)?.text ?? c.id
          throw ReviewError.undoConflict(path: path, source: source, target: after.text)
        }
        if let before = change.before { c.terms[i] = before } else { c.terms.remove(at: i) }
      } else if let before = change.before {
        c.terms.append(before)
      }
      byConcept[change.conceptID] = c
    }
    for id in order { try store(byConcept[id]!, in: &g) }
  }
}
