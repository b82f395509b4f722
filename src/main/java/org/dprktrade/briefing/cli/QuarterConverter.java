package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.period.Quarter;

import picocli.CommandLine;

/** Lets picocli reject a malformed period as a usage error before anything starts. */
final class QuarterConverter implements CommandLine.ITypeConverter<Quarter> {

    @Override
    public Quarter convert(String value) {
        try {
            return Quarter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
