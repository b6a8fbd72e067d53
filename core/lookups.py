"""`in` on integer columns that leaves out what no row can equal: numbers the column cannot hold, and text.

Since Django 5.0, `filter(pk=99999999999999999999)` matches nothing instead of failing, but `pk__in` still sends
such a number to the database (SQLite raises OverflowError; PostgreSQL compares every row as numeric), and
`pk__in=["abc"]` raises ValueError. Forms ask `pk__in` with what a visitor typed: a ModelMultipleChoiceField
checking its choices (the registration form, the admin's many-to-many fields), and the admin's autocomplete
widget showing again what was posted. Either was a server error; now such a value matches nothing, so the form
says the choice is not valid. Registered on IntegerField (and so on every integer and auto field) in
PagesConfig.ready().
"""

from django.db.models.lookups import In


class IntegerIn(In):
    def get_prep_lookup(self):
        if self.rhs_is_direct_value():
            self.rhs = [value for value in self.rhs if self._could_be_stored(value)]
        return super().get_prep_lookup()

    def _could_be_stored(self, value) -> bool:
        if value is None or hasattr(value, "resolve_expression"):
            return True  # None is left out by In itself; an expression is the database's to compute
        try:
            self.lhs.output_field.get_prep_value(value)
        except (TypeError, ValueError):
            return False
        return True

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
