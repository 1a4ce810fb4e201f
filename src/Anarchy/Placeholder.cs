namespace Anarchy;
