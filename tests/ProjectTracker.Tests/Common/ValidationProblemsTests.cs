using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Tests.Common;

public sealed class ValidationProblemsTests
{
    [Fact]
    public void WrongJsonTypeNamesTheFieldAndTheExpectedTypeWithoutDotNetNames()
    {
        var (field, message) = ValidationProblems.Describe("$.investment.amount",
            "The JSON value could not be converted to System.Nullable`1[System.Decimal]. Path: $.investment.amount | LineNumber: 0 | BytePositionInLine: 30.");

        Assert.Equal("investment.amount", field);
        Assert.Equal("The value is not valid: expected a number.", message);
    }

    [Fact]
    public void UnknownEnumValueListsTheAllowedSnakeCaseNames()
    {
        var (field, message) = ValidationProblems.Describe("$.kind",
            "The JSON value could not be converted to ProjectTracker.Api.ReferenceData.PlaceKind. Path: $.kind | LineNumber: 0 | BytePositionInLine: 12.");

        Assert.Equal("kind", field);
        Assert.Equal("The value is not valid: expected one of province, city, district, county, development_zone.", message);
    }

    [Fact]
    public void UnknownPropertyIsNamedUnderItsParent()
    {
        var (field, message) = ValidationProblems.Describe("$.phases[0].amout",
            "The JSON property 'amout' could not be mapped to any .NET member contained in type 'ProjectTracker.Api.Projects.Phase'.");

        Assert.Equal("phases[0].amout", field);
        Assert.Equal("'amout' is not a known field.", message);
    }

    [Fact]
    public void MalformedJsonIsReportedAgainstTheBodyWithoutParserInternals()
    {
        var (field, message) = ValidationProblems.Describe("$",
            "'}' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 9.");

        Assert.Equal("body", field);
        Assert.DoesNotContain("LineNumber", message);
    }

    [Fact]
    public void QueryParameterKeysBecomeCamelCase()
    {
        var (field, message) = ValidationProblems.Describe("MinAmount", "'abc' is not a valid value.");

        Assert.Equal("minAmount", field);
        Assert.Equal("'abc' is not a valid value.", message);
    }
}
