/// A calendar date written `YYYY-MM-DD` (ISO 8601, proleptic Gregorian), with
/// no time zone and no Foundation date math: glossary dates are labels.
///
/// ```swift
/// let d = ISODate("2016-01-01")!
/// d.previousDay.description   // "2015-12-31"
/// ```
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A date from its parts; nil when the parts do not make a calendar date.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...ISODate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; nil for anything else (also `2021-02-30`).
  public init?(_ text: some StringProtocol) {
    let u = Array(text.utf8)
    guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
    func number(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
        v = v * 10 + Int(u[i] - 0x30)
      }
      return v
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The day before (2016-01-01 -> 2015-12-31).
  public var previousDay: ISODate {
    if day > 1 { return ISODate(year: year, month: month, day: day - 1)! }
    if month > 1 { return ISODate(year: year, month: month - 1, day: ISODate.daysIn(month: month - 1, year: year))! }
    return ISODate(year: year - 1, month: 12, day: 31) ?? self
  }

  /// The day after.
  public var nextDay: ISODate {
    if day < ISODate.daysIn(month: month, year: year) { return ISODate(year: year, month: month, day: day + 1)! }
    if month < 12 { return ISODate(year: year, month: month + 1, day: 1)! }
    return ISODate(year: year + 1, month: 1, day: 1) ?? self
  }

  public var description: String {
    func pad(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (a: ISODate, b: ISODate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  public init(from decoder: Decoder) throws {
    let s = try decoder.singleValueContainer().decode(String.self)
    guard let d = ISODate(s) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(s)"))
    }
    self = d
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
