global using ClarityConnect.TestDoubles;
global using Orleans;
global using Orleans.Runtime;
global using Xunit;
