using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Projects;

public sealed class AmountTextTests
{
    [Theory]
    [InlineData("24.5", "24.5", null, null)]
    [InlineData("24.5亿元", "24.5", null, Currency.Cny)]
    [InlineData("约1亿元", "1", AmountQualifier.Approx, Currency.Cny)]
    [InlineData("超2100亿元", "2100", AmountQualifier.AtLeast, Currency.Cny)]
    [InlineData("逾30亿", "30", AmountQualifier.AtLeast, null)]
    [InlineData("不低于10亿元", "10", AmountQualifier.AtLeast, Currency.Cny)]
    [InlineData("10亿元以上", "10", AmountQualifier.AtLeast, Currency.Cny)]
    [InlineData("近5亿元", "5", AmountQualifier.AtMost, Currency.Cny)]
    [InlineData("不超过3亿", "3", AmountQualifier.AtMost, null)]
    [InlineData("3000万元", "0.3", null, Currency.Cny)]
    [InlineData("5.6亿美元", "5.6", null, Currency.Usd)]
    [InlineData("1,200", "1200", null, null)]
    [InlineData("217.2400", "217.2400", null, null)]
    public void ReadsTheAmountInYiWithItsQualifierAndCurrency(string text, string amount, AmountQualifier? qualifier, Currency? currency)
    {
        Assert.True(AmountText.TryParse(text, out var parsed));
        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), qualifier, currency), (parsed.Amount, parsed.Qualifier, parsed.Currency));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("很多")]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("12.5亿欧元")]
    [InlineData("NaN")]
    public void RefusesWhatIsNotAnAmount(string? text) => Assert.False(AmountText.TryParse(text, out _));

    [Theory]
    [InlineData("1", AmountQualifier.Approx)]
    [InlineData("2100", AmountQualifier.AtLeast)]
    [InlineData("5", AmountQualifier.AtMost)]
    [InlineData("24.5", AmountQualifier.Exact)]
    [InlineData("24.5000", null)]
    public void FormattedAmountsReadBackExactly(string amount, AmountQualifier? qualifier)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(AmountText.TryParse(AmountText.Format(value, qualifier), out var parsed));
        Assert.Equal(value, parsed.Amount);
        Assert.Equal(value.Scale, parsed.Amount.Scale);
        Assert.Equal(qualifier is AmountQualifier.Exact ? null : qualifier, parsed.Qualifier);
    }
}

public sealed class DateTextTests
{
    [Theory]
    [InlineData("2023-01-31", "2023-01-31")]
    [InlineData("2023-02", "2023-02")]
    [InlineData("2017", "2017")]
    [InlineData("2023/1/31", "2023-01-31")]
    [InlineData("2023.1.31", "2023-01-31")]
    [InlineData("2023年1月31日", "2023-01-31")]
    [InlineData("2023年2月", "2023-02")]
    [InlineData("2017年", "2017")]
    public void ReadsDatesAsPreciselyAsWritten(string text, string expected)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("2023年13月")]
    [InlineData("明年")]
    [InlineData("23-1-1")]
    public void RefusesWhatIsNotADate(string text) => Assert.False(DateText.TryParse(text, out _));
}

public sealed class AmountTextInRunningTextTests
{
    [Theory]
    [InlineData("三十亿元", "30", null)]
    [InlineData("超百亿元", "100", AmountQualifier.AtLeast)]
    [InlineData("一百二十亿元", "120", null)]
    [InlineData("两千万元", "0.2", null)]
    [InlineData("10余亿元", "10", AmountQualifier.AtLeast)]
    [InlineData("5亿元左右", "5", AmountQualifier.Approx)]
    public void ReadsChineseNumeralsAndLooseQualifiers(string text, string amount, AmountQualifier? qualifier)
    {
        Assert.True(AmountText.TryParse(text, out var parsed));
        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), qualifier), (parsed.Amount, parsed.Qualifier));
    }

    [Theory]
    [InlineData("三五亿元")]
    [InlineData("零亿元")]
    public void RefusesNumeralsThatNameNoNumber(string text) => Assert.False(AmountText.TryParse(text, out _));
}
