package io.packit.pipeline.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine;

/** Reads an enum option written in lower case ({@code --format json} → {@code JSON}), naming the accepted words. */
abstract class KeywordConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    KeywordConverter(Class<E> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public E convert(String value) {
        for (var constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
