package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.Objects;

/**
 * One field of a query's result: what a projection may point at. Built with the factories
 * ({@link #of}, {@link #money}, {@link #arrayOf}, {@link #objectOf}) and {@link #asNullable()}.
 */
// Serialised from its fields (named as its accessors), as it was as a record: hosts render forms from this JSON.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ResultField {

    private final String name;
    private final FieldType type;
    private final String description;
    private final boolean nullable;
    private final List<ResultField> fields;
    private final String currencyField;

    private ResultField(String name, FieldType type, String description, boolean nullable, List<ResultField> fields,
                        String currencyField) {
        this.name = Checks.identifier(name, "Result field name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Checks.text(description, "description");
        this.nullable = nullable;
        this.fields = Checks.list(fields, "fields");
        if (!this.fields.isEmpty() && type != FieldType.OBJECT && type != FieldType.ARRAY) {
            throw new IllegalArgumentException("Result field '" + name + "': only OBJECT and ARRAY have child fields");
        }
        Checks.unique(this.fields, ResultField::name, "Child field of " + name);
        if ((type == FieldType.MONEY) != (currencyField != null)) {
            throw new IllegalArgumentException("Result field '" + name + "': a MONEY field, and only one, names its currency field");
        }
        this.currencyField = currencyField == null ? null : Checks.identifier(currencyField, "currencyField");
    }

    /**
     * A non-null scalar field.
     *
     * @param name the name
     * @param type the type (not {@link FieldType#MONEY}: use {@link #money})
     * @param description what it holds, for people
     * @return the field
     */
    public static ResultField of(String name, FieldType type, String description) {
        return new ResultField(name, type, description, false, List.of(), null);
    }

    /**
     * A nullable scalar field.
     *
     * @param name the name
     * @param type the type
     * @param description what it holds
     * @return the field
     */
    public static ResultField nullable(String name, FieldType type, String description) {
        return of(name, type, description).asNullable();
    }

    /**
     * An amount of money in the currency's smallest unit, per the connector's {@link MinorUnits}.
     *
     * @param name the name
     * @param description what it holds
     * @param currencyField the sibling field, in the same object, that holds the ISO 4217 code
     * @return the field
     */
    public static ResultField money(String name, String description, String currencyField) {
        return new ResultField(name, FieldType.MONEY, description, false, List.of(),
                Objects.requireNonNull(currencyField, "currencyField"));
    }

    /**
     * An array of objects with the given fields.
     *
     * @param name the name
     * @param description what it holds
     * @param elementFields the fields of each element
     * @return the field
     */
    public static ResultField arrayOf(String name, String description, ResultField... elementFields) {
        return new ResultField(name, FieldType.ARRAY, description, false, List.of(elementFields), null);
    }

    /**
     * An object with the given fields.
     *
     * @param name the name
     * @param description what it holds
     * @param memberFields its members
     * @return the field
     */
    public static ResultField objectOf(String name, String description, ResultField... memberFields) {
        return new ResultField(name, FieldType.OBJECT, description, false, List.of(memberFields), null);
    }

    /**
     * This field, allowed to be null.
     *
     * @return a nullable copy
     */
    public ResultField asNullable() {
        return new ResultField(name, type, description, true, fields, currencyField);
    }

    /** @return the field's name in the result object */
    public String name() {
        return name;
    }

    /** @return its JSON type */
    public FieldType type() {
        return type;
    }

    /** @return what it holds, for people */
    public String description() {
        return description;
    }

    /** @return whether it may be null */
    public boolean nullable() {
        return nullable;
    }

    /** @return the members of an OBJECT, or of each element of an ARRAY; empty for others or any shape */
    public List<ResultField> fields() {
        return fields;
    }

    /** @return for MONEY, the sibling field holding the currency code; else null */
    public String currencyField() {
        return currencyField;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultField that && name.equals(that.name) && type == that.type
                && description.equals(that.description) && nullable == that.nullable && fields.equals(that.fields)
                && Objects.equals(currencyField, that.currencyField);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, description, nullable, fields, currencyField);
    }

    @Override
    public String toString() {
        return "ResultField[" + name + " " + type + (nullable ? "?" : "") + (fields.isEmpty() ? "" : " " + fields) + "]";
    }
}
