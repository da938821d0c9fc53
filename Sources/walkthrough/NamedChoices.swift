import ArgumentParser

/// An option's value chosen among an enumeration's cases, each named by its raw value.
///
/// argument-parser derives the same names and descriptions through key paths and string
/// interpolation, which the first time cost a process some 4 M instructions of protocol
/// conformance lookups (5% of checking a page); these say the same directly.
public protocol NamedChoices: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedChoices {
  public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
  /// No case is described apart from its name.
  public static var allValueDescriptions: [String: String] { [:] }
  public var defaultValueDescription: String { rawValue }
}
