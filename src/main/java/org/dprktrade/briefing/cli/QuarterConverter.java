package org.dprktrade.briefing.cli;

import java.util.Locale;

import org.dprktrade.briefing.period.Quarter;

import picocli.CommandLine;

/** Lets picocli reject a malformed period as a usage error before anything starts; {@code latest} is one too. */
final class QuarterConverter implements CommandLine.ITypeConverter<PeriodArgument> {

    @Override
    public PeriodArgument convert(String value) {
        if (value != null && value.strip().toLowerCase(Locale.ROOT).equals("latest")) {
            return PeriodArgument.LATEST;
        }
        try {
            return new PeriodArgument(Quarter.parse(value));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage() + ", or latest");
        }
    }
}
