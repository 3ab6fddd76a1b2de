// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// A service centre time stamp (TP-SCTS) or discharge time (TP-DT): local date and time plus the
/// sender's offset from UTC in quarter hours.
///
/// Related specification: 3GPP TS 23.040 §9.2.3.11.
public struct SMSTimestamp: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in quarter hours (−79…79 in the field; −48…56 in practice).
    public var utcOffsetQuarterHours: Int

    public init(
        year: Int,
        month: Int,
        day: Int,
        hour: Int,
        minute: Int,
        second: Int,
        utcOffsetQuarterHours: Int
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetQuarterHours = utcOffsetQuarterHours
    }

    /// The instant as seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64 {
        let days = Self.daysSince1970(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return local - Int64(utcOffsetQuarterHours * 15 * 60)
    }

    /// Creates the timestamp for an instant, expressed in the given offset.
    public init(secondsSince1970: Int64, utcOffsetQuarterHours: Int) {
        let local = secondsSince1970 + Int64(utcOffsetQuarterHours * 15 * 60)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = Int(local - days * 86_400)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        self.init(
            year: year,
            month: month,
            day: day,
            hour: secondsOfDay / 3_600,
            minute: secondsOfDay / 60 % 60,
            second: secondsOfDay % 60,
            utcOffsetQuarterHours: utcOffsetQuarterHours
        )
    }

    /// ISO 8601 with the sender's offset, for example `2024-03-31T01:30:00+01:00`.
    public var description: String {
        let sign = utcOffsetQuarterHours < 0 ? "-" : "+"
        let offsetMinutes = abs(utcOffsetQuarterHours) * 15
        return "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))T\(Self.pad(hour)):\(Self.pad(minute)):"
            + "\(Self.pad(second))\(sign)\(Self.pad(offsetMinutes / 60)):\(Self.pad(offsetMinutes % 60))"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Days from civil and back, proleptic Gregorian (H. Hinnant's algorithms).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSince1970: Int64) -> (year: Int, month: Int, day: Int) {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

// MARK: - Semi-octet representation

extension SMSTimestamp {
    /// Reads the seven swapped-BCD octets. Two-digit years below 90 are 20xx, others 19xx.
    static func read(_ reader: inout PDUReader, field: String) throws(PDUError) -> SMSTimestamp {
        let start = reader.offset
        let octets = try reader.readBytes(7, field)
        var values: [Int] = []
        for (index, octet) in octets.prefix(6).enumerated() {
            let low = Int(octet & 0x0F)
            let high = Int(octet >> 4)
            guard low < 10, high < 10 else {
                throw PDUError(
                    .invalidValue,
                    field: field,
                    offset: start + index,
                    "semi-octet 0x\(Hex.encode([octet])) is not two decimal digits"
                )
            }
            values.append(low * 10 + high)
        }
        let zone = octets[octets.startIndex + 6]
        let zoneTens = Int(zone & 0x07)
        let zoneUnits = Int(zone >> 4)
        guard zoneUnits < 10 else {
            throw PDUError(.invalidValue, field: field, offset: start + 6, "time zone semi-octet is not a digit")
        }
        let quarters = (zoneTens * 10 + zoneUnits) * (zone & 0x08 != 0 ? -1 : 1)
        let year = values[0] < 90 ? 2000 + values[0] : 1900 + values[0]
        let stamp = SMSTimestamp(
            year: year,
            month: values[1],
            day: values[2],
            hour: values[3],
            minute: values[4],
            second: values[5],
            utcOffsetQuarterHours: quarters
        )
        if let problem = stamp.validationProblem {
            throw PDUError(.invalidValue, field: field, offset: start, problem)
        }
        return stamp
    }

    /// A description of the first out-of-range field, or nil when the timestamp is a real date and time.
    var validationProblem: String? {
        if !(1...12).contains(month) { return "month \(month) is out of range" }
        if day < 1 || day > Self.daysInMonth(year: year, month: month) {
            return "day \(day) does not exist in month \(month) of \(year)"
        }
        if hour > 23 { return "hour \(hour) is out of range" }
        if minute > 59 { return "minute \(minute) is out of range" }
        if second > 59 { return "second \(second) is out of range" }
        if abs(utcOffsetQuarterHours) > 79 { return "time zone \(utcOffsetQuarterHours) quarter hours is out of range" }
        return nil
    }

    /// The seven swapped-BCD octets.
    func encoded() throws(PDUError) -> [UInt8] {
        if let problem = validationProblem {
            throw PDUError(.unencodable, field: "timestamp", offset: nil, problem)
        }
        guard (1990...2089).contains(year) else {
            throw PDUError(.unencodable, field: "timestamp", offset: nil, "year \(year) is outside 1990–2089")
        }
        func swapped(_ value: Int) -> UInt8 {
            UInt8(value % 10) << 4 | UInt8(value / 10)
        }
        let quarters = abs(utcOffsetQuarterHours)
        let zone = UInt8(quarters % 10) << 4 | UInt8(quarters / 10) | (utcOffsetQuarterHours < 0 ? 0x08 : 0)
        return [
            swapped(year % 100), swapped(month), swapped(day), swapped(hour), swapped(minute), swapped(second), zone,
        ]
    }
}
