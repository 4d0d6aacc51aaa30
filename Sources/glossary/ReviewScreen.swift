import GlossaryKit

/// ANSI styles for the review screen; plain (no colour) under NO_COLOR or off a terminal.
struct ReviewStyle {
  var color: Bool

  func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
  func term(_ s: String) -> String { paint(s, "1") }
  func proposal(_ s: String) -> String { paint(s, "1;32") }
  func dim(_ s: String) -> String { paint(s, "2") }
  func warn(_ s: String) -> String { paint(s, "1;31") }
  /// Highlighted term inside an evidence sentence: colour, or underline without colour.
  func mark(_ s: String) -> String { color ? "\u{1B}[1;33m\(s)\u{1B}[0m" : "\u{1B}[4m\(s)\u{1B}[24m" }
}

/// Draws one review screen as text (pure: the command writes it).
struct ReviewScreen {
  var style: ReviewStyle
  var path: String
  var columns: Int

  static let keys = "a accept  e edit  1-9 pick  v variant  w switch  d deprecate  r reject  s skip  n note  u undo  ? help  q quit"

  static let help = """
    a      accept the proposed rendering as preferred (the other candidates become rejected)
    e      edit the rendering, then accept it (enter confirms, esc cancels)
    1-9    pick that rendering as preferred
    v      add the proposal as an admitted variant (next candidate is proposed)
    w      accept the suggested switch: the new rendering preferred from its first use, the old superseded
    d      mark the proposal deprecated; asks for the rendering that replaces it
    r      reject the proposal (extract will not propose it again)
    s      skip this concept (it comes back next session)
    n      write a note on the proposal
    u      undo the last decision of this session (in the file too)
    q      quit (every decision is already saved; run glossary review again to resume)
    """

  func progressLine(_ p: ReviewProgress) -> String {
    let n = min(p.position + 1, p.total)
    var parts = ["\(n) of \(p.total)", "accepted \(p.accepted)", "edited \(p.edited)", "rejected \(p.rejected)"]
    if p.variants > 0 { parts.append("variants \(p.variants)") }
    if p.deprecated > 0 { parts.append("deprecated \(p.deprecated)") }
    if p.skipped > 0 { parts.append("skipped \(p.skipped)") }
    return parts.joined(separator: " · ")
  }

  /// The sentence with its highlights, cut to about `maxWidth` columns around the first highlight.
  func highlighted(_ h: HighlightedText, maxWidth: Int) -> String {
    var chars: [(Character, Bool)] = []
    for p in h.pieces { for c in p.text { chars.append((c, p.highlighted)) } }
    var lo = 0
    var hi = chars.count
    let total = ReviewLineEditor.width(String(chars.map(\.0)))
    if total > maxWidth {
      let first = chars.firstIndex { $0.1 } ?? 0
      let last = (chars.lastIndex { $0.1 } ?? first)
      // Start a little before the first highlight, then take what fits.
      var w = 0
      lo = first
      while lo > 0 && w < maxWidth / 4 {
        lo -= 1
        w += ReviewLineEditor.width(String(chars[lo].0))
      }
      hi = lo
      w = 0
      while hi < chars.count && (w < maxWidth - 2 || hi <= last) {
        w += ReviewLineEditor.width(String(chars[hi].0))
        hi += 1
        if hi > last && w >= maxWidth - 2 { break }
      }
    }
    var out = lo > 0 ? "…" : ""
    var i = lo
    while i < hi {
      var j = i
      while j < hi && chars[j].1 == chars[i].1 { j += 1 }
      let text = String(chars[i..<j].map(\.0))
      out += chars[i].1 ? style.mark(text) : text
      i = j
    }
    if hi < chars.count { out += "…" }
    return out
  }

  static func seen(_ e: GlossaryEntry) -> String {
    var parts: [String] = []
    if let s = e.score { parts.append("score " + String(format: "%.2f", s)) }
    let docs = e.documents
    if docs > 0 { parts.append("\(docs) doc\(docs == 1 ? "" : "s")") }
    if let o = e.occurrences { parts.append("\(o)×") }
    let years = ReviewSheet.years(e)
    if !years.isEmpty { parts.append(years) }
    return parts.joined(separator: "  ")
  }

  /// The whole screen for the concept on display.
  func render(session: ReviewSession, message: String?, extraEvidence: [ReviewEvidence]) -> String {
    let rule = style.dim(String(repeating: "─", count: max(20, min(columns, 100))))
    var out = "\u{1B}[H\u{1B}[2J"
    func line(_ s: String = "") { out += s + "\n" }
    line("glossary review  \(path)   " + progressLine(session.progress))
    line(rule)
    guard let c = session.concept, let proposal = c.proposal else {
      line("Nothing left to review.")
      if let message { line(message) }
      return out
    }
    line(style.term(c.source))
    line("  proposed:  " + style.proposal(proposal.target) + "   " + style.dim(Self.seen(proposal)))
    if !proposal.note.isEmpty { line("  note:      " + proposal.note) }
    if c.candidates.count > 1 {
      line("  renderings:")
      for (i, e) in c.candidates.enumerated().prefix(9) {
        line("    \(i + 1)  \(e.target)   " + style.dim(Self.seen(e)))
      }
      if c.candidates.count > 9 { line(style.dim("    … \(c.candidates.count - 9) more")) }
    }
    if let s = c.suggestedSwitch {
      line("  switch:    \"\(s.from)\" → \"\(s.to)\"   " + style.dim("last old \(s.lastOld), first new \(s.firstNew); w accepts it"))
    }
    if !c.existing.isEmpty {
      line("  in the glossary:")
      for e in c.existing {
        line("    \(e.status.rawValue): \(e.target)" + (e.replacedBy.isEmpty ? "" : " → \(e.replacedBy)"))
      }
    }
    let evidence = session.evidence(for: proposal) + extraEvidence
    if !evidence.isEmpty {
      line("  evidence:")
      for ev in evidence.prefix(3) {
        line("    " + style.dim(ev.document))
        let room = max(40, columns * 2 - 10)
        line("      " + highlighted(ev.source, maxWidth: room))
        line("      " + highlighted(ev.target, maxWidth: room))
      }
    }
    if !c.related.isEmpty {
      line("  related:")
      for e in c.related { line("    \(e.source) → \(e.target)  " + style.dim(e.status.rawValue)) }
    }
    line(rule)
    line(style.dim(Self.keys))
    if let message { line(message) }
    out += "> "
    return out
  }
}
