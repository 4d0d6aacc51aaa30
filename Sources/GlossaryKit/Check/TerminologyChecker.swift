/// What a check enforces.
public struct CheckOptions: Sendable {
  /// Statuses whose renderings count as approved (default preferred, admitted).
  /// Superseded renderings count as approved while valid at the document's date.
  public var enforce: Set<TermStatus>
  /// Also report target renderings whose source term is absent (`--reverse`).
  public var reverse: Bool
  /// Before reporting a missing rendering, also look this many target sentences
  /// before and after the paired ones (same paragraph): absorbs pairing errors
  /// when the two versions split sentences differently.
  public var slack: Int

  public init(enforce: Set<TermStatus> = [.preferred, .admitted], reverse: Bool = false, slack: Int = 1) {
    self.enforce = enforce
    self.reverse = reverse
    self.slack = slack
  }
}

/// Checks a translation against glossaries: segments both documents, pairs
/// their sentences, finds glossary terms in each source sentence and looks for
/// their renderings in the paired target sentences.
///
/// ```swift
/// let index = try CheckIndex(glossaries: [g], source: try Language("zh"), target: try Language("en"))
/// let checker = try TerminologyChecker(index: index)
/// let report = try checker.check(source: zhDoc, target: enDoc, date: ISODate("2018-05-01")!)
/// for f in report.findings { print(f.kind, f.term, f.expected) }
/// ```
///
/// Not thread-safe (ICU segmenters, normalizer): one checker per thread.
public final class TerminologyChecker {
  public let index: CheckIndex
  public var options: CheckOptions
  private let pairing: SentencePairing
  private let sourceSegmenter: SentenceSegmenter
  private let targetSegmenter: SentenceSegmenter
  /// Concepts sharing a rendering (by loose words), for `--reverse`.
  private lazy var conceptsByRendering: [[Int32]: [Int]] = {
    var map: [[Int32]: [Int]] = [:]
    for (c, concept) in index.concepts.enumerated() {
      for r in concept.renderings where !(map[r.words.loose]?.contains(c) ?? false) { map[r.words.loose, default: []].append(c) }
    }
    return map
  }()

  public init(index: CheckIndex, options: CheckOptions = CheckOptions(), pairing: SentencePairing = ProportionalPairing()) throws {
    self.index = index
    self.options = options
    self.pairing = pairing
    sourceSegmenter = try SentenceSegmenter(language: index.sourceLanguage)
    targetSegmenter = try SentenceSegmenter(language: index.targetLanguage)
  }

  // MARK: Rendering classes at a date

  enum Verdict { case approved, notEnforced, notYetValid, outdated }

  /// How a rendering counts in a document dated `date`.
  func verdict(_ e: GlossaryEntry, at date: ISODate) -> Verdict {
    switch e.status {
    case .deprecated: return .outdated
    case .superseded:
      if e.isValid(on: date) { return .approved }
      if let from = e.validFrom, date < from { return .notYetValid }
      return .outdated
    case .preferred, .admitted:
      if let from = e.validFrom, date < from { return .notYetValid }
      if !e.isValid(on: date) { return .outdated }
      return options.enforce.contains(e.status) ? .approved : .notEnforced
    case .candidate, .rejected: return .notEnforced
    }
  }

  /// Approved renderings of a concept at a date, preferred first.
  public func expected(concept c: Int, at date: ISODate) -> [String] {
    index.concepts[c].renderings
      .filter { verdict($0.entry, at: date) == .approved }
      .sorted { $0.entry.status < $1.entry.status }
      .map(\.entry.target)
  }

  // MARK: Check

  /// Checks one document pair.
  /// - Parameter date: the date that decides which renderings are valid.
  public func check(source: TextDocument, target: TextDocument, date: ISODate) throws -> CheckReport {
    let ss = try sourceSegmenter.sentences(in: source)
    let ts = try targetSegmenter.sentences(in: target)
    let spans = try pairing.pair(source: source, sentences: ss, target: target, sentences: ts)
    let srcHits: [(hits: [CheckIndex.SourceHit], key: [UInt16])] = ss.map { s in
      source.utf16[s.range].withUnsafeBufferPointer { let r = index.sourceTerms(in: $0); return (r.hits, r.key.units) }
    }
    let tgtWords: [TargetWords] = ts.map { s in target.utf16[s.range].withUnsafeBufferPointer { index.targetWords($0) } }
    var ctx = Context(index: index, source: source, target: target, ss: ss, ts: ts)
    var findings: [CheckFinding] = []
    var termsChecked = 0
    // concept -> rendering target -> (count, first location pair)
    var used: [Int: [(rendering: String, count: Int, src: CheckLocation, tgt: CheckLocation)]] = [:]

    for span in spans {
      // Source occurrences in this span, first per concept.
      var firstHit: [Int: (sentence: Int, hit: CheckIndex.SourceHit)] = [:]
      var order: [Int] = []
      for i in span.source {
        for h in srcHits[i].hits {
          termsChecked += 1
          if firstHit[h.concept] == nil { firstHit[h.concept] = (i, h); order.append(h.concept) }
        }
      }
      var resolved: [(sentence: Int, hit: CheckIndex.RenderingHit)] = []
      if !order.isEmpty {
        for j in span.target {
          var raw: [CheckIndex.RenderingHit] = []
          index.occurrences(of: order, in: tgtWords[j], into: &raw)
          for h in CheckIndex.resolve(raw, index: index) { resolved.append((j, h)) }
        }
      }
      for c in order {
        let (si, sh) = firstHit[c]!
        let srcMarks = srcHits[si].hits.filter { $0.concept == c }.map(\.range)
        let srcLoc = ctx.location(sourceSide: true, sentence: si, range: sh.range, marks: srcMarks)
        let mine = resolved.filter { $0.hit.concept == c }
        let expected = expected(concept: c, at: date)
        var approved = false
        var approvedCount = 0
        var others: [(Int, CheckIndex.RenderingHit, Verdict)] = []
        for (j, h) in mine {
          let e = index.concepts[c].renderings[h.rendering].entry
          let v = verdict(e, at: date)
          if v == .approved {
            approved = true
            approvedCount += 1
            let tgtLoc = ctx.targetLocation(j, h, words: tgtWords[j])
            // A grammatical form (tag "form": Pakistani for Pakistan) is no competing choice.
            if e.tags.contains("form") { continue }
            var list = used[c, default: []]
            if let k = list.firstIndex(where: { $0.rendering == e.target }) { list[k].count += 1 } else {
              list.append((e.target, 1, srcLoc, tgtLoc))
            }
            used[c] = list
          } else {
            others.append((j, h, v))
          }
        }
        // An outdated rendering beside enough approved ones usually renders another
        // word (首相 "Prime Minister" next to 国务院总理 "Premier of the State Council").
        let sourceCount = span.source.reduce(0) { n, i in n + srcHits[i].hits.filter { $0.concept == c }.count }
        var reportedOutdated = false
        for (j, h, v) in others where v == .outdated && approvedCount < sourceCount {
          reportedOutdated = true
          let e = index.concepts[c].renderings[h.rendering].entry
          let tgtLoc = ctx.targetLocation(j, h, words: tgtWords[j])
          var since: ISODate? = e.validFrom
          if e.status != .deprecated, let to = e.validTo { since = to.nextDay }
          let replacement = e.replacedBy.isEmpty ? expected.first : e.replacedBy
          let what = e.status == .deprecated ? "deprecated" : "\(e.status.rawValue) since \(since.map { "\($0)" } ?? "?")"
          findings.append(CheckFinding(
            kind: .deprecated, severity: .error, term: index.concepts[c].source, expected: expected,
            found: tgtLoc.text(in: target), foundStatus: e.status, replacement: replacement, since: since,
            message: "\"\(e.target)\" is \(what) (document dated \(date)); use \"\(replacement ?? "?")\"",
            source: srcLoc, target: tgtLoc))
        }
        if approved || reportedOutdated || expected.isEmpty { continue }
        if foundNearby(c, span: span, ts: ts, words: tgtWords, date: date) { continue }
        // Missing: nothing approved at this date in the paired target.
        let other = others.first
        let tgtLoc: CheckLocation? = other.map { ctx.targetLocation($0.0, $0.1, words: tgtWords[$0.0]) }
          ?? span.target.first.map { ctx.sentenceLocation($0) }
        var message = "no approved rendering of \(index.concepts[c].source) in the aligned target; expected \"\(expected[0])\""
        if expected.count > 1 { message += " (or " + expected.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ") + ")" }
        var foundStatus: TermStatus?
        if let (_, h, v) = other {
          let e = index.concepts[c].renderings[h.rendering].entry
          foundStatus = e.status
          message += v == .notYetValid
            ? "; found \"\(e.target)\", valid only from \(e.validFrom.map { "\($0)" } ?? "?")"
            : "; found \"\(e.target)\" (\(e.status.rawValue), not enforced)"
        }
        if span.target.isEmpty { message += "; the source sentence has no aligned target sentence" }
        findings.append(CheckFinding(
          kind: .missing, severity: .error, term: index.concepts[c].source, expected: expected,
          found: other != nil ? tgtLoc?.text(in: target) : nil, foundStatus: foundStatus, replacement: nil, since: nil,
          message: message, source: srcLoc, target: tgtLoc))
      }
      if options.reverse { findings += reverseFindings(span, srcHits.map(\.key), tgtWords, &ctx, date) }
    }
    // Inconsistent: one source term, several approved renderings. A rendering inside another one
    // ("talks" in "held talks") is the same choice in a shorter context, not an inconsistency.
    for (c, all) in used.sorted(by: { $0.key < $1.key }) {
      let list = all.filter { u in !all.contains { $0.rendering != u.rendering && renderingContainsWords($0.rendering, u.rendering) } }
      guard list.count > 1 else { continue }
      let first = list[0], second = list[1]
      let counts = list.map { "\"\($0.rendering)\" ×\($0.count)" }.joined(separator: ", ")
      findings.append(CheckFinding(
        kind: .inconsistent, severity: .warning, term: index.concepts[c].source, expected: [first.rendering],
        found: second.rendering, foundStatus: nil, replacement: nil, since: nil,
        message: "\(index.concepts[c].source) is rendered \(list.count) ways in one document: \(counts)",
        source: second.src, target: second.tgt))
    }
    findings.sort { a, b in (a.source.start, a.kind.rawValue) < (b.source.start, b.kind.rawValue) }
    return CheckReport(
      source: source.path, target: target.path, date: date, sourceLanguage: index.sourceLanguage.code,
      targetLanguage: index.targetLanguage.code, termsChecked: termsChecked, findings: findings)
  }

  /// Whether an approved rendering of `c` occurs in the target sentences next
  /// to the span (within ``CheckOptions/slack``, same paragraph).
  private func foundNearby(_ c: Int, span: SentenceSpan, ts: [Sentence], words: [TargetWords], date: ISODate) -> Bool {
    guard options.slack > 0, !ts.isEmpty else { return false }
    let anchor = span.target.isEmpty ? min(span.target.lowerBound, ts.count - 1) : span.target.lowerBound
    let paragraphs = Set((span.target.isEmpty ? anchor..<(anchor + 1) : span.target).map { ts[$0].paragraph })
    let lo = max(0, span.target.lowerBound - options.slack), hi = min(ts.count, max(span.target.upperBound, anchor + 1) + options.slack)
    for j in lo..<hi where !span.target.contains(j) && paragraphs.contains(ts[j].paragraph) {
      var raw: [CheckIndex.RenderingHit] = []
      index.occurrences(of: [c], in: words[j], into: &raw)
      if raw.contains(where: { verdict(index.concepts[c].renderings[$0.rendering].entry, at: date) == .approved }) { return true }
    }
    return false
  }

  private func reverseFindings(
    _ span: SentenceSpan, _ srcKeys: [[UInt16]], _ tgtWords: [TargetWords], _ ctx: inout Context, _ date: ISODate
  ) -> [CheckFinding] {
    var out: [CheckFinding] = []
    for j in span.target {
      var raw: [CheckIndex.RenderingHit] = []
      index.allOccurrences(in: tgtWords[j], into: &raw)
      for h in CheckIndex.resolve(raw, index: index) {
        let rendering = index.concepts[h.concept].renderings[h.rendering]
        let candidates = conceptsByRendering[rendering.words.loose] ?? [h.concept]
        let present = candidates.contains { c in span.source.contains { index.keyContains(srcKeys[$0], concept: c) } }
        if present { continue }
        let tgtLoc = ctx.targetLocation(j, h, words: tgtWords[j])
        let srcLoc = span.source.first.map { ctx.sentenceLocation(source: $0) } ?? ctx.nearestSourceLocation(span)
        let terms = candidates.map { index.concepts[$0].source }
        out.append(CheckFinding(
          kind: .reverse, severity: .warning, term: terms.joined(separator: " / "), expected: [rendering.entry.target],
          found: tgtLoc.text(in: ctx.target), foundStatus: rendering.entry.status, replacement: nil, since: nil,
          message: "\"\(tgtLoc.text(in: ctx.target))\" renders \(terms.joined(separator: " / ")), which is not in the aligned source",
          source: srcLoc, target: tgtLoc))
      }
    }
    _ = date
    return out
  }

  /// Builds locations in the two documents.
  struct Context {
    let source: TextDocument
    let target: TextDocument
    let ss: [Sentence]
    let ts: [Sentence]

    init(index: CheckIndex, source: TextDocument, target: TextDocument, ss: [Sentence], ts: [Sentence]) {
      self.index = index
      self.source = source
      self.target = target
      self.ss = ss
      self.ts = ts
    }

    /// `range` and `marks` are UTF-16 ranges relative to the sentence.
    func location(sourceSide: Bool, sentence i: Int, range: Range<Int>, marks: [Range<Int>]) -> CheckLocation {
      let doc = sourceSide ? source : target
      let s = (sourceSide ? ss : ts)[i].range
      let base = doc.scalarOffset(s.lowerBound)
      let start = s.lowerBound + range.lowerBound, end = s.lowerBound + range.upperBound
      let (line, column) = doc.lineColumn(start)
      return CheckLocation(
        path: doc.path, line: line, column: column, start: doc.scalarOffset(start), end: doc.scalarOffset(end),
        sentence: doc.string(s),
        marks: marks.map {
          .init(start: doc.scalarOffset(s.lowerBound + $0.lowerBound) - base, end: doc.scalarOffset(s.lowerBound + $0.upperBound) - base)
        })
    }

    let index: CheckIndex

    func targetLocation(_ j: Int, _ h: CheckIndex.RenderingHit, words: TargetWords) -> CheckLocation {
      let r = index.range(of: h, in: words)
      return location(sourceSide: false, sentence: j, range: r, marks: [r])
    }

    func sentenceLocation(_ j: Int) -> CheckLocation { location(sourceSide: false, sentence: j, range: 0..<0, marks: []) }
    func sentenceLocation(source i: Int) -> CheckLocation { location(sourceSide: true, sentence: i, range: 0..<0, marks: []) }

    /// For a target-only span: the start of the next (or last) source sentence.
    func nearestSourceLocation(_ span: SentenceSpan) -> CheckLocation {
      guard !ss.isEmpty else {
        return CheckLocation(path: source.path, line: 1, column: 1, start: 0, end: 0, sentence: "", marks: [])
      }
      return sentenceLocation(source: min(span.source.lowerBound, ss.count - 1))
    }
  }
}

extension CheckLocation {
  /// The text of the located range in its document.
  func text(in doc: TextDocument) -> String {
    String(String.UnicodeScalarView(doc.text.unicodeScalars.dropFirst(start).prefix(end - start)))
      .replacingOccurrences(of: "\n", with: " ")
  }
}

/// Whether rendering `whole` contains rendering `part` as whole words (case-insensitive).
private func renderingContainsWords(_ whole: String, _ part: String) -> Bool {
  func words(_ s: String) -> [Substring] { s.lowercased().split { !$0.isLetter && !$0.isNumber } }
  let w = words(whole), p = words(part)
  guard !p.isEmpty, p.count < w.count else { return false }
  return (0...(w.count - p.count)).contains { w[$0..<($0 + p.count)].elementsEqual(p) }
}
