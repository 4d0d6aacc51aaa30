import Foundation

extension ISODate {
  /// Today's date in UTC (or `GLOSSARY_TODAY=YYYY-MM-DD` for reproducible runs and tests).
  public static func today() -> ISODate {
    if let fixed = ProcessInfo.processInfo.environment["GLOSSARY_TODAY"], let d = ISODate(fixed) { return d }
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    return ISODate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
  }
}
