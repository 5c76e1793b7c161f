// Values every feature uses (partial dates, amounts, currencies): the bottom layer, named everywhere without ceremony.
global using ProjectTracker.Api.Common.Values;
