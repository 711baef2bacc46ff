"""The declarations of every rule, one module per family; ``fsiii_mapper.rules.registry`` joins
them. Adding a rule means one ``Rule(...)`` here and its check where the family's checks live."""
