/// One document pair being checked by ``TerminologyChecker``: the segmented and
/// paired documents, what was found so far, and the steps of a check.
struct CheckPass {
  let checker: TerminologyChecker
  let date: ISODate
  let ctx: CheckContext
  let spans: [SentenceSpan]
  let srcHits: [[CheckIndex.SourceHit]]
  let tgtWords: [TargetWords]
  let tgtRaw: [[CheckIndex.RenderingHit]]
  var index: CheckIndex { checker.index }

  var findings: [CheckFinding] = []
  var termsChecked = 0
  /// Concept -> approved renderings used: target, count, first location pair (for inconsistency).
  var used: [Int: [(rendering: String, variant: Bool, count: Int, src: CheckLocation, tgt: CheckLocation)]] = [:]
  /// Target places already reported as wrong renderings: (sentence, first word).
  var reportedWrong = Set<[Int]>()
  /// Terms with no rendering in their aligned target, for the word aligner.
  var missing: [(query: TermEvidence.Query, concept: Int, src: CheckLocation)] = []
  /// Per target sentence: concepts with an approved rendering in it (filled lazily).
  var approvedIn: [Int: Set<Int>] = [:]

  init(
    checker: TerminologyChecker, date: ISODate, ctx: CheckContext, spans: [SentenceSpan], srcHits: [[CheckIndex.SourceHit]],
    tgtWords: [TargetWords], tgtRaw: [[CheckIndex.RenderingHit]]
  ) {
    self.checker = checker
    self.date = date
    self.ctx = ctx
    self.spans = spans
    self.srcHits = srcHits
    self.tgtWords = tgtWords
    self.tgtRaw = tgtRaw
  }

  // MARK: Terms of one span

  /// Checks the terms of span `n`: wrong renderings (errors), unapproved ones (warnings),
  /// approved ones (for consistency), and terms with none (explained later).
  mutating func checkSpan(_ n: Int) {
    let span = spans[n]
    // Source occurrences in this span: first per concept, and counts.
    var first: [Int: (sentence: Int, hit: Int)] = [:]
    var count: [Int: Int] = [:]
    var order: [Int] = []
    for i in span.source {
      for (k, h) in srcHits[i].enumerated() {
        guard checker.isChecked(h.concept) else { continue }
        termsChecked += 1
        count[h.concept, default: 0] += 1
        if first[h.concept] == nil { first[h.concept] = (i, k); order.append(h.concept) }
      }
    }
    guard !order.isEmpty else { return }
    // Renderings of these concepts in the aligned target, one concept per target word.
    var found: [Int: [(sentence: Int, hit: CheckIndex.RenderingHit)]] = [:]
    for j in span.target {
      let mine = tgtRaw[j].filter { first[$0.concept] != nil }
      for h in CheckIndex.resolve(mine, index: index) { found[h.concept, default: []].append((j, h)) }
    }
    for c in order {
      let (si, k) = first[c]!
      let marks = srcHits[si].filter { $0.concept == c }.map(\.range)
      let srcLoc = ctx.location(sourceSide: true, sentence: si, range: srcHits[si][k].range, marks: marks)
      checkConcept(c, span: span, srcLoc: srcLoc, sourceCount: count[c] ?? 1, found: found[c] ?? [], query: .init(span: n, sentence: si, hit: k))
    }
  }

  private mutating func checkConcept(
    _ c: Int, span: SentenceSpan, srcLoc: CheckLocation, sourceCount: Int, found: [(sentence: Int, hit: CheckIndex.RenderingHit)],
    query: TermEvidence.Query
  ) {
    let concept = index.concepts[c]
    let expected = checker.expected(concept: c, at: date)
    var approved = 0
    var others: [(Int, CheckIndex.RenderingHit, RenderingStanding)] = []
    for (j, h) in found {
      let e = concept.renderings[h.rendering].entry
      let v = checker.standing(e, at: date)
      guard v == .approved else { others.append((j, h, v)); continue }
      approved += 1
      var list = used[c, default: []]
      if let u = list.firstIndex(where: { $0.rendering == e.target }) { list[u].count += 1 } else {
        list.append((e.target, e.isVariantForm, 1, srcLoc, ctx.targetLocation(j, h, words: tgtWords[j])))
      }
      used[c] = list
    }
    // An outdated rendering beside as many approved ones as source occurrences usually renders
    // another word (首相 "Prime Minister" next to 国务院总理 "Premier of the State Council").
    var wrong = false
    for (j, h, v) in others where v == .outdated && approved < sourceCount {
      wrong = true
      reportWrong(c, sentence: j, hit: h, expected: expected, srcLoc: srcLoc, kind: .deprecated)
    }
    if approved > 0 || wrong || expected.isEmpty { return }
    if let (j, h, v) = others.first {
      // A rendering of the term that is not approved on this date: the translator's choice is known.
      let e = concept.renderings[h.rendering].entry
      let why = v == .notYetValid
        ? "valid only from \(e.validFrom.map { "\($0)" } ?? "?") (document dated \(date))"
        : "\(e.status.rawValue), not enforced"
      findings.append(CheckFinding(
        kind: .missing, severity: .warning, term: concept.source, expected: expected,
        found: ctx.foundText(j, h, words: tgtWords[j]), foundStatus: e.status, replacement: nil, since: nil,
        message: "\"\(e.target)\" is \(why); use \(Self.quoted(expected))",
        source: srcLoc, target: ctx.targetLocation(j, h, words: tgtWords[j])))
      return
    }
    if foundNearby(c, span: span) { return }
    missing.append((query, c, srcLoc))
  }

  /// Reports a wrong rendering (deprecated, superseded on the date, forbidden) once per target place.
  mutating func reportWrong(
    _ c: Int, sentence j: Int, hit h: CheckIndex.RenderingHit, expected: [String], srcLoc: CheckLocation, kind: CheckFinding.Kind
  ) {
    guard reportedWrong.insert([j, h.words.lowerBound]).inserted else { return }
    let e = index.concepts[c].renderings[h.rendering].entry
    let since = e.wrongSince
    let replacement = e.replacedBy.isEmpty ? expected.first : e.replacedBy
    let what = e.status == .deprecated
      ? "deprecated" + (since.map { " since \($0)" } ?? "")
      : "\(e.status.rawValue) since \(since.map { "\($0)" } ?? "?")"
    var message = "\"\(e.target)\" is \(what) (document dated \(date)); use \"\(replacement ?? "?")\""
    if kind == .forbidden { message = "\"\(e.target)\" is never to be used for \(index.concepts[c].source); use \"\(replacement ?? "?")\"" }
    findings.append(CheckFinding(
      kind: kind, severity: .error, term: index.concepts[c].source, expected: expected,
      found: ctx.foundText(j, h, words: tgtWords[j]), foundStatus: e.status, replacement: replacement, since: since,
      message: message, source: srcLoc, target: ctx.targetLocation(j, h, words: tgtWords[j])))
  }

  /// Whether an approved rendering of `c` occurs in the target sentences next
  /// to the span (within ``CheckOptions/slack``, same paragraph).
  private mutating func foundNearby(_ c: Int, span: SentenceSpan) -> Bool {
    let ts = ctx.ts
    guard checker.options.slack > 0, !ts.isEmpty else { return false }
    let anchor = span.target.isEmpty ? min(span.target.lowerBound, ts.count - 1) : span.target.lowerBound
    let paragraphs = Set((span.target.isEmpty ? anchor..<(anchor + 1) : span.target).map { ts[$0].paragraph })
    let slack = checker.options.slack
    let lo = max(0, span.target.lowerBound - slack), hi = min(ts.count, max(span.target.upperBound, anchor + 1) + slack)
    for j in lo..<hi where !span.target.contains(j) && paragraphs.contains(ts[j].paragraph) {
      if approvedConcepts(j).contains(c) { return true }
    }
    return false
  }

  private mutating func approvedConcepts(_ j: Int) -> Set<Int> {
    if let s = approvedIn[j] { return s }
    var s = Set<Int>()
    for h in tgtRaw[j] where checker.standing(index.concepts[h.concept].renderings[h.rendering].entry, at: date) == .approved {
      s.insert(h.concept)
    }
    approvedIn[j] = s
    return s
  }

  static func quoted(_ renderings: [String]) -> String {
    guard let first = renderings.first else { return "?" }
    return "\"\(first)\"" + (renderings.count > 1 ? " (or " + renderings.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ") + ")" : "")
  }
}
