// A Waltz parameter: the generic description with accessors on ModelParameters (ParameterCatalog lists them).
global using ParameterInfo = Anarchy.Models.ModelParameter<Anarchy.Models.Waltz.ModelParameters>;
