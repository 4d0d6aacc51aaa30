/// Renders a `TermHistory` as a terminal chart (per-year bars) or as SVG.
public enum HistoryChart {
  static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
  static let ansi = ["34", "31", "32", "33", "35", "36", "95", "90"]

  /// Text chart: a legend of renderings (A, B, ...), then one row per year
  /// with a bar per rendering seen that year, then the switches with evidence.
  public static func text(_ h: TermHistory, color: Bool, width: Int = 40) -> String {
    var out = "\(h.source)\n\n"
    let seen = h.timelines.filter { !$0.perYear.isEmpty }
    let letters = seen.indices.map { String(UnicodeScalar(UInt8(65 + $0 % 26))) }
    func paint(_ s: String, _ i: Int) -> String { color ? "\u{1B}[\(ansi[i % ansi.count])m\(s)\u{1B}[0m" : s }
    for (i, t) in seen.enumerated() {
      out += "  \(paint(letters[i], i))  \(t.target)  [\(status(t))]  \(t.documents.count) documents"
      if let f = t.firstSeen, let l = t.lastSeen { out += ", \(f) to \(l)" }
      out += "\n"
    }
    for t in h.timelines where t.perYear.isEmpty {
      out += "     \(t.target)  [\(status(t))]  not seen in the corpus\n"
    }
    if seen.isEmpty { return out + "\n  No evidence yet: run `glossary extract` on a corpus first.\n" }
    let maxCount = max(1, seen.flatMap { $0.perYear.values }.max() ?? 1)
    out += "\n"
    for year in h.years {
      let row = seen.enumerated().filter { ($0.element.perYear[year] ?? 0) > 0 }
      if row.isEmpty { out += "  \(year)\n"; continue }
      var first = true
      for (i, t) in row {
        let n = t.perYear[year]!
        let bar = String(repeating: "█", count: max(1, n * width / maxCount))
        out += "  \(first ? String(year) : "    ")  \(paint(letters[i], i)) \(paint(bar, i)) \(n)\n"
        first = false
      }
    }
    for s in h.switches {
      out += "\nSwitch: \"\(s.from)\" -> \"\(s.to)\" (last old \(s.lastOld), first new \(s.firstNew))\n"
      if let b = s.before { out += "  before  \(b.document)\n          \(b.source)\n          \(b.target)\n" }
      if let a = s.after { out += "  after   \(a.document)\n          \(a.source)\n          \(a.target)\n" }
    }
    return out
  }

  static func status(_ t: TermHistory.Timeline) -> String {
    var s = t.status.rawValue
    if let f = t.validFrom { s += " from \(f)" }
    if let to = t.validTo { s += " to \(to)" }
    if !t.replacedBy.isEmpty { s += ", replaced by \"\(t.replacedBy)\"" }
    return s
  }

  /// A stacked bar chart of documents per year and rendering, with a legend
  /// and dashed lines at the switches: a picture for a terminologist's report.
  public static func svg(_ h: TermHistory) -> String {
    let seen = h.timelines.filter { !$0.perYear.isEmpty }
    let years = h.years
    let barWidth = 28, gap = 10, left = 50, top = 40, chartHeight = 200
    let legendHeight = 22 * max(1, seen.count)
    let width = max(420, left + years.count * (barWidth + gap) + 20)
    let height = top + chartHeight + 40 + legendHeight
    let maxTotal = max(1, years.map { y in seen.reduce(0) { $0 + ($1.perYear[y] ?? 0) } }.max() ?? 1)
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
      <title>\(escape(h.source)): renderings per year</title>
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(left)" y="22" font-size="15" font-weight="bold">\(escape(h.source)): documents per year by rendering</text>
      <line x1="\(left)" y1="\(top + chartHeight)" x2="\(width - 10)" y2="\(top + chartHeight)" stroke="#333"/>
      <text x="\(left - 8)" y="\(top + 4)" text-anchor="end">\(maxTotal)</text>
      <text x="\(left - 8)" y="\(top + chartHeight)" text-anchor="end">0</text>

      """
    for (k, year) in years.enumerated() {
      let x = left + k * (barWidth + gap)
      var y = top + chartHeight
      for (i, t) in seen.enumerated() {
        let n = t.perYear[year] ?? 0
        guard n > 0 else { continue }
        let hgt = n * chartHeight / maxTotal
        y -= hgt
        svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(hgt)\" fill=\"\(palette[i % palette.count])\"><title>\(year): \(escape(t.target)) (\(n))</title></rect>\n"
      }
      svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + chartHeight + 16)\" text-anchor=\"middle\">\(year)</text>\n"
    }
    for s in h.switches {
      if let k = years.firstIndex(of: s.firstNew.year) {
        let x = left + k * (barWidth + gap) - gap / 2
        svg += "<line x1=\"\(x)\" y1=\"\(top - 5)\" x2=\"\(x)\" y2=\"\(top + chartHeight)\" stroke=\"#555\" stroke-dasharray=\"4 3\"><title>switch: \(escape(s.from)) -> \(escape(s.to))</title></line>\n"
      }
    }
    for (i, t) in seen.enumerated() {
      let y = top + chartHeight + 40 + i * 22
      svg += "<rect x=\"\(left)\" y=\"\(y - 11)\" width=\"14\" height=\"14\" fill=\"\(palette[i % palette.count])\"/>"
      svg += "<text x=\"\(left + 22)\" y=\"\(y)\">\(escape(t.target)) (\(escape(status(t))))</text>\n"
    }
    return svg + "</svg>\n"
  }

  /// Text content of the SVG (valid XML 1.0: control characters replaced, see ``XMLEscaper``).
  static func escape(_ s: String) -> String { XMLEscaper.escape(s) }
}
